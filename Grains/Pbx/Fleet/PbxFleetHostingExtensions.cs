using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CallPing.Grains.Interfaces.Pbx;

namespace CallPing.Grains.Pbx.Fleet;

public static class PbxFleetHostingExtensions
{
    /// <summary>Every role needs the fleet: the router runs wherever a call is placed.</summary>
    public static IHostApplicationBuilder AddPbxFleet(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PbxOptions>().BindConfiguration(PbxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IPbxFleet, ConfiguredPbxFleet>();
        return builder;
    }
}
