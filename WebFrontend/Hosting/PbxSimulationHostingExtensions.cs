using CallPing.Grains.Pbx.Fleet;

namespace CallPing.WebFrontend.Hosting;

public static class PbxSimulationHostingExtensions
{
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
