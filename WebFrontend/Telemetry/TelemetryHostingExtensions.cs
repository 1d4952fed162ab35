using CallPing.Grains.Telemetry;
using CallPing.WebFrontend.Apis;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansActivitySources = Orleans.Diagnostics.ActivitySources;

namespace CallPing.WebFrontend.Telemetry;

/// <summary>
/// Metrics and traces through OpenTelemetry: the product's meter and spans, Orleans' meter and grain-call spans,
/// ASP.NET Core, HttpClient (ARI) and the runtime. /metrics serves them in the Prometheus text format; OTLP export is
/// switched on by the standard environment variables (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL,
/// OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, ...).
/// </summary>
public static class TelemetryHostingExtensions
{
    public const string ServiceName = "callping";

    /// <summary>The meter Orleans records grain calls, activations, messaging, storage and reminders on.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    private const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IHostApplicationBuilder AddCallPingTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(CallPingMetrics.MeterName, OrleansMeter)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // Each scrape reads the instruments afresh: a cached answer would hide what happened since the last one.
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0))
            .WithTracing(tracing => tracing
                .AddSource(CallPingTracing.SourceName, OrleansActivitySources.ApplicationGrainActivitySourceName, OrleansActivitySources.RuntimeActivitySourceName)
                // Probes and scrapes every few seconds would drown the traces that matter.
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !HealthApi.IsProbeOrScrape(context.Request.Path))
                .AddHttpClientInstrumentation());
        // The exporter reads the rest of its settings from the same OTEL_* variables; without an endpoint nothing is sent.
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpoint]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>GET /metrics for Prometheus, served by every process whatever its roles, like the health probes.</summary>
    public static IEndpointRouteBuilder MapCallPingMetrics(this IEndpointRouteBuilder endpoints)
    {
        // The exporter's middleware serves it, with no handler for the OpenAPI document to describe; Prometheus reads it, not API clients.
        endpoints.MapPrometheusScrapingEndpoint("/metrics").ExcludeFromDescription();
        return endpoints;
    }
}
