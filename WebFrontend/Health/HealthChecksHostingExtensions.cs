namespace CallPing.WebFrontend.Health;

public static class HealthChecksHostingExtensions
{
    /// <summary>Checks tagged with this decide readiness (/readyz); liveness (/healthz) runs none.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The readiness checks every process runs: the cluster answers, and a PBX fleet to place calls through (a silo adds its store's).</summary>
    public static IHostApplicationBuilder AddCallPingHealthChecks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", tags: [ReadyTag])
            .AddCheck<PbxFleetHealthCheck>("pbx-fleet", tags: [ReadyTag]);
        builder.Services.AddHostedService<NoPbxStartupLog>();
        return builder;
    }
}
