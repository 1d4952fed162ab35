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
            PlayAsync(context, pbx, channelId, context.Request.Query["playbackId"].FirstOrDefault()));
        routes.MapPost("/ari/channels/{channelId}/play/{playbackId}", (HttpContext context, PbxState pbx, string channelId, string playbackId) =>
            PlayAsync(context, pbx, channelId, playbackId));
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

    private static async Task<IResult> PlayAsync(HttpContext context, PbxState pbx, string channelId, string? playbackId)
    {
        var body = await AriRequestBody.ReadAsync(context.Request);
        if (body is null)
        {
            return AriResponses.Error(StatusCodes.Status400BadRequest, "Request body is not a JSON object");
        }

        var media = Media(context.Request, body);
        if (media.Count == 0)
        {
            return AriResponses.Error(StatusCodes.Status400BadRequest, "Missing parameter media");
        }

        if (pbx.Engine.Channels.Find(channelId) is not { } channel)
        {
            return AriResponses.ChannelNotFound();
        }

        var playback = new SimPlayback(playbackId ?? Guid.NewGuid().ToString(), channel, media);
        JsonObject json;
        lock (channel.Gate)
        {
            if (!channel.InStasis || channel.Ended)
            {
                return AriResponses.NotInStasis();
            }

            pbx.Playbacks[playback.Id] = playback;
            // Asterisk plays a channel's playbacks one after another: this one waits for those asked for before it.
            var driver = new PlaybackDriver(pbx.Engine, playback, pbx.MediaDuration, pbx.UrlMedia, pbx.Playbacks, pbx.Log);
            var earlier = channel.PlaybackQueue;
            channel.PlaybackQueue = Task.Run(() => driver.RunAsync(earlier));
            json = playback.ToJson();
        }

        pbx.Log.Add(new PlaybackRecord(channel.Id, playback.Id, media, DateTimeOffset.UtcNow));
        return AriResponses.Json(StatusCodes.Status201Created, json);
    }

    /// <summary>
    /// The media as Asterisk 22 reads them: each repeated "media" query key overwrites the one before, so only the
    /// last counts, split on commas; a JSON body's "media" (a list, or one string) replaces the query's.
    /// </summary>
    private static List<string> Media(HttpRequest request, JsonObject body)
    {
        List<string> media = request.Query["media"].LastOrDefault() is { } last ? [.. last.Split(',')] : [];
        switch (body["media"])
        {
            case JsonArray list:
                media = [.. list.Select(m => m is JsonValue value && value.TryGetValue<string>(out var text) ? text : "")];
                break;
            case JsonValue one when one.TryGetValue<string>(out var text):
                media = [text];
                break;
        }

        return [.. media.Where(m => m.Length > 0)];
    }

    private static JsonObject Snapshot(SimChannel channel)
    {
        lock (channel.Gate)
        {
            return channel.ToJson();
        }
    }
}
