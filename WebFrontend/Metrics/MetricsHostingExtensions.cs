using System.Diagnostics.Metrics;
using CallPing.Grains.Telemetry;
using CallPing.Runtime.Metrics;

namespace CallPing.WebFrontend.Metrics;

public static class MetricsHostingExtensions
{
    /// <summary>The meters /metrics exports: the product's, the runtime's, and ASP.NET Core's request durations.</summary>
    public static readonly IReadOnlyList<string> ExportedMeters = [CallPingMetrics.MeterName, RuntimeMetrics.MeterName, "Microsoft.AspNetCore.Hosting"];

    /// <summary>Adds the Prometheus exporter and the runtime's per-host instruments; map it with <see cref="MetricsApi.MapMetricsApi"/>.</summary>
    public static IHostApplicationBuilder AddCallPingMetrics(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddGrainRuntimeMetrics();
        builder.Services.AddSingleton(sp =>
        {
            // Per-host instruments exist only once resolved, and an instrument that does not exist is never exported.
            _ = sp.GetServices<IHostInstruments>().ToList();
            return new PrometheusExporter(ExportedMeters, sp.GetRequiredService<IMeterFactory>());
        });
        return builder;
    }
}
