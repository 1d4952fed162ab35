using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CallPing.Grains.Interfaces.Pbx;
using CallPing.Grains.Pbx;
using CallPing.Grains.Pbx.Fleet;
using CallPing.Grains.Projects;
using CallPing.Grains.Speech;

namespace CallPing.Grains;

public static class GrainsHostingExtensions
{
    /// <summary>What the grains need in every role: the PBX fleet (the router runs wherever a call is placed) and their settings.</summary>
    public static IHostApplicationBuilder AddCallPingGrains(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PbxOptions>().BindConfiguration(PbxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PbxHealthOptions>().BindConfiguration(PbxHealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<NumberLimitOptions>().BindConfiguration(NumberLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<NumberKeys>();
        builder.Services.AddSingleton<IPbxFleet, ConfiguredPbxFleet>();
        builder.Services.AddSingleton<PbxRotation>();
        builder.Services.AddOptions<SpeechOptions>().BindConfiguration(SpeechOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SpeechRenderer>();
        builder.Services.AddSingleton<MediaUrls>();
        return builder;
    }
}
