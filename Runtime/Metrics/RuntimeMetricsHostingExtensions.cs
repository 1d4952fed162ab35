using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CallPing.Runtime.Activation;

namespace CallPing.Runtime.Metrics;

public static class RuntimeMetricsHostingExtensions
{
    /// <summary>Adds the runtime's per-host instruments (grain activations); the pumps' instruments are static.</summary>
    public static IHostApplicationBuilder AddGrainRuntimeMetrics(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<IHostInstruments>(sp => new GrainActivationsGauge(
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetRequiredService<GrainCatalog>()));
        return builder;
    }
}
