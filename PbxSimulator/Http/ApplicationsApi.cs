using System.Text.Json.Nodes;

namespace CallPing.PbxSimulator.Http;

/// <summary>/ari/applications: which channels an app holds, for reconciliation after a reconnect.</summary>
internal static class ApplicationsApi
{
    public static void MapApplicationsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ari/applications", List);
        routes.MapGet("/ari/applications/{app}", Get);
    }

    private static IResult List(PbxState pbx) =>
        AriResponses.Json(200, new JsonArray([.. pbx.Hub.RegisteredApps().Select(app => ToJson(pbx, app))]));

    private static IResult Get(string app, PbxState pbx) =>
        pbx.Hub.IsRegistered(app)
            ? AriResponses.Json(200, ToJson(pbx, app))
            : AriResponses.Error(StatusCodes.Status404NotFound, "Application not found");

    /// <summary>As on Asterisk, channel_ids also lists channels originated into the app that still ring (not in Stasis yet).</summary>
    private static JsonObject ToJson(PbxState pbx, string app)
    {
        var channelIds = pbx.Engine.Channels.All().Where(c => c.App == app).Select(c => JsonValue.Create(c.Id));
        return new JsonObject
        {
            ["name"] = app,
            ["channel_ids"] = new JsonArray([.. channelIds]),
            ["bridge_ids"] = new JsonArray(),
            ["endpoint_ids"] = new JsonArray(),
            ["device_names"] = new JsonArray(),
            ["events_allowed"] = new JsonArray(),
            ["events_disallowed"] = new JsonArray(),
        };
    }
}
