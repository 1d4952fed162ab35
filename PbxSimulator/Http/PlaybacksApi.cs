namespace CallPing.PbxSimulator.Http;

/// <summary>/ari/playbacks/{id}: look at a playback, or stop it (a queued one never starts).</summary>
internal static class PlaybacksApi
{
    public static void MapPlaybacksApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ari/playbacks/{playbackId}", Get);
        routes.MapDelete("/ari/playbacks/{playbackId}", Stop);
    }

    private static IResult Get(string playbackId, PbxState pbx)
    {
        if (!pbx.Playbacks.TryGetValue(playbackId, out var playback))
        {
            return NotFound();
        }

        lock (playback.Channel.Gate)
        {
            return AriResponses.Json(StatusCodes.Status200OK, playback.ToJson());
        }
    }

    private static IResult Stop(string playbackId, PbxState pbx)
    {
        if (!pbx.Playbacks.TryGetValue(playbackId, out var playback))
        {
            return NotFound();
        }

        playback.Stop.Cancel();
        return Results.NoContent();
    }

    private static IResult NotFound() => AriResponses.Error(StatusCodes.Status404NotFound, "Playback not found");
}
