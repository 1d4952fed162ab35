using Microsoft.AspNetCore.Http.HttpResults;

namespace CallPing.WebFrontend.Metrics;

/// <summary>GET /metrics for Prometheus, served by every process whatever its roles, like the health probes.</summary>
public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Resolved now, not at the first scrape: the exporter counts only what happens after it starts listening.
        endpoints.ServiceProvider.GetRequiredService<PrometheusExporter>();
        endpoints.MapGet("/metrics", Scrape)
            .WithName("Metrics").WithSummary("This process's metrics in the Prometheus text format.").WithTags("Metrics");
        return endpoints;
    }

    private static ContentHttpResult Scrape(PrometheusExporter exporter) => TypedResults.Text(exporter.Scrape(), PrometheusText.ContentType);
}
