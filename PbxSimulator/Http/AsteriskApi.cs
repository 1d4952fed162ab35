using System.Text.Json.Nodes;
using CallPing.PbxSimulator.Calls;

namespace CallPing.PbxSimulator.Http;

/// <summary>/ari/asterisk: health and version.</summary>
internal static class AsteriskApi
{
    public static void MapAsteriskApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ari/asterisk/ping", Ping);
        routes.MapGet("/ari/asterisk/info", Info);
    }

    private static IResult Ping(PbxState pbx) => AriResponses.Json(200, new JsonObject
    {
        ["asterisk_id"] = pbx.Options.AsteriskId,
        ["ping"] = "pong",
        ["timestamp"] = AriTime.Now(),
    });

    private static IResult Info(PbxState pbx) => AriResponses.Json(200, new JsonObject
    {
        ["build"] = new JsonObject
        {
            ["os"] = "Linux",
            ["kernel"] = "6.1.0",
            ["machine"] = "x86_64",
            ["options"] = "BUILD_NATIVE, OPTIONAL_API",
            ["date"] = "2026-01-01 00:00:00 UTC",
            ["user"] = "simulator",
        },
        ["system"] = new JsonObject { ["version"] = pbx.Options.Version, ["entity_id"] = pbx.Options.AsteriskId },
        ["config"] = new JsonObject
        {
            ["name"] = "",
            ["default_language"] = "en",
            ["setid"] = new JsonObject { ["user"] = "asterisk", ["group"] = "asterisk" },
        },
        ["status"] = new JsonObject
        {
            ["startup_time"] = AriTime.Format(pbx.StartupTime),
            ["last_reload_time"] = AriTime.Format(pbx.StartupTime),
        },
    });
}
