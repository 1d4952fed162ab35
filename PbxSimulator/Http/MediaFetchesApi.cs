using System.Text.Json.Nodes;
using CallPing.PbxSimulator.Calls;

namespace CallPing.PbxSimulator.Http;

/// <summary>
/// GET /simulator/media-fetches: a test hook, not ARI. What the PBX fetched for media by URL and how many playbacks
/// failed, for tests that drive a simulator in another process. Same credentials as ARI.
/// </summary>
internal static class MediaFetchesApi
{
    public const string Path = "/simulator/media-fetches";

    public static void MapMediaFetchesApi(this IEndpointRouteBuilder routes) => routes.MapGet(Path, Get);

    private static IResult Get(PbxState pbx) => AriResponses.Json(StatusCodes.Status200OK, new JsonObject
    {
        ["fetches"] = new JsonArray([.. pbx.Log.MediaFetches.Select(f => new JsonObject
        {
            ["url"] = f.Url,
            ["method"] = f.Method,
            ["status"] = f.Status,
            ["audio_seconds"] = f.AudioSeconds,
            ["error"] = f.Error,
            ["at"] = AriTime.Format(f.At),
            ["took_ms"] = (long)f.Took.TotalMilliseconds,
        })]),
        ["failed_playbacks"] = pbx.Log.FailedPlaybacks,
    });
}
