using System.Text.Json.Nodes;
using CallPing.PbxSimulator.Calls;
using CallPing.PbxSimulator.Recording;

namespace CallPing.PbxSimulator.Http;

/// <summary>/ari/channels: look up, answer, hang up, play.</summary>
internal static class ChannelsApi
{
    public static void MapChannelsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ari/channels", List);
        routes.MapGet("/ari/channels/{channelId}", Get);
        routes.MapDelete("/ari/channels/{channelId}", Hangup);
        routes.MapPost("/ari/channels/{channelId}/answer", Answer);
        routes.MapPost("/ari/channels/{channelId}/play", (HttpContext context, PbxState pbx, string channelId) =>
            Play(context, pbx, channelId, context.Request.Query["playbackId"].FirstOrDefault()));
        routes.MapPost("/ari/channels/{channelId}/play/{playbackId}", (HttpContext context, PbxState pbx, string channelId, string playbackId) =>
            Play(context, pbx, channelId, playbackId));
    }

    private static IResult List(PbxState pbx) =>
        AriResponses.Json(200, new JsonArray([.. pbx.Engine.Channels.All().Select(Snapshot)]));

    private static IResult Get(string channelId, PbxState pbx) =>
        pbx.Engine.Channels.Find(channelId) is { } channel
            ? AriResponses.Json(200, Snapshot(channel))
            : AriResponses.ChannelNotFound();

    private static IResult Hangup(HttpContext context, string channelId, PbxState pbx)
    {
        var query = context.Request.Query;
        int? cause = int.TryParse(query["reason_code"], out var code) ? code : HangupCauses.FromReason(query["reason"].FirstOrDefault() ?? "normal");
        if (cause is null)
        {
            return AriResponses.Error(StatusCodes.Status400BadRequest, "Invalid reason for hangup provided");
        }

        var channel = pbx.Engine.Channels.Find(channelId);
        return channel is not null && pbx.Engine.HangUpByClient(channel, cause.Value)
            ? Results.NoContent()
            : AriResponses.ChannelNotFound();
    }

    private static IResult Answer(string channelId, PbxState pbx)
    {
        if (pbx.Engine.Channels.Find(channelId) is not { } channel)
        {
            return AriResponses.ChannelNotFound();
        }

        lock (channel.Gate)
        {
            // Our channels are already up once they reach Stasis, so answering is a no-op there.
            return channel.InStasis && !channel.Ended ? Results.NoContent() : AriResponses.NotInStasis();
        }
    }

    private static IResult Play(HttpContext context, PbxState pbx, string channelId, string? playbackId)
    {
        var media = context.Request.Query["media"].Where(m => !string.IsNullOrEmpty(m)).Select(m => m!).ToList();
        if (media.Count == 0)
        {
            return AriResponses.Error(StatusCodes.Status400BadRequest, "Missing parameter media");
        }

        if (pbx.Engine.Channels.Find(channelId) is not { } channel)
        {
            return AriResponses.ChannelNotFound();
        }

        SimPlayback playback;
        lock (channel.Gate)
        {
            if (!channel.InStasis || channel.Ended)
            {
                return AriResponses.NotInStasis();
            }

            playback = new SimPlayback(playbackId ?? Guid.NewGuid().ToString(), channel, media);
        }

        pbx.Log.Add(new PlaybackRecord(channel.Id, playback.Id, media, DateTimeOffset.UtcNow));

        var json = playback.ToJson();
        _ = Task.Run(new PlaybackDriver(pbx.Engine, playback, pbx.Options.MediaDuration).RunAsync);
        return AriResponses.Json(StatusCodes.Status201Created, json);
    }

    private static JsonObject Snapshot(SimChannel channel)
    {
        lock (channel.Gate)
        {
            return channel.ToJson();
        }
    }
}
