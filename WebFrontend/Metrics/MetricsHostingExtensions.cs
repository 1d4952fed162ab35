using System.Diagnostics.Metrics;
using CallPing.Grains.Telemetry;

namespace CallPing.WebFrontend.Metrics;

public static class MetricsHostingExtensions
{
    /// <summary>The meters /metrics exports: the product's, Orleans' (grain calls, activations, storage, reminders), and ASP.NET Core's request durations.</summary>
    public static readonly IReadOnlyList<string> ExportedMeters = [CallPingMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting"];

    /// <summary>Adds the Prometheus exporter; map it with <see cref="MetricsApi.MapMetricsApi"/>.</summary>
    public static IHostApplicationBuilder AddCallPingMetrics(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(sp => new PrometheusExporter(ExportedMeters, sp.GetRequiredService<IMeterFactory>()));
        return builder;
    }
}
