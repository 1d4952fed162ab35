using CallPing.Grains.Pbx.Fleet;

namespace CallPing.WebFrontend.Health;

public static class HealthChecksHostingExtensions
{
    /// <summary>Checks tagged with this decide readiness (/readyz); liveness (/healthz) runs none.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The readiness checks every process runs: the store, and a PBX fleet to place calls through.</summary>
    public static IHostApplicationBuilder AddCallPingHealthChecks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [ReadyTag])
            .AddCheck<PbxFleetHealthCheck>("pbx-fleet", tags: [ReadyTag]);
        builder.Services.AddHostedService<NoPbxStartupLog>();
        return builder;
    }

    /// <summary>
    /// Pbx:Simulate defaults to true in Development only: `dotnet run` tries CallPing on simulated phones, while a
    /// production process with no PBX configured stays unready instead of paging fake phones.
    /// </summary>
    public static IHostApplicationBuilder AddPbxSimulationDefault(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var development = builder.Environment.IsDevelopment();
        builder.Services.PostConfigure<PbxOptions>(pbx => pbx.Simulate ??= development);
        return builder;
    }
}
