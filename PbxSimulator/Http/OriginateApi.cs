using System.Text.Json.Nodes;
using CallPing.PbxSimulator.Calls;
using CallPing.PbxSimulator.Recording;

namespace CallPing.PbxSimulator.Http;

/// <summary>POST /ari/channels[/{channelId}]: places a call and hands it to the number's script.</summary>
internal static class OriginateApi
{
    private static long _generatedIds;

    public static void MapOriginateApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/ari/channels", (HttpContext context, PbxState pbx) => OriginateAsync(context, pbx, null));
        routes.MapPost("/ari/channels/{channelId}", (HttpContext context, PbxState pbx, string channelId) => OriginateAsync(context, pbx, channelId));
    }

    private static async Task<IResult> OriginateAsync(HttpContext context, PbxState pbx, string? routeChannelId)
    {
        var body = await AriRequestBody.ReadAsync(context.Request);
        if (body is null)
        {
            return AriResponses.Error(StatusCodes.Status400BadRequest, "Request body is not a JSON object");
        }

        string? Param(string name) =>
            context.Request.Query[name].FirstOrDefault() ?? (body[name] is JsonValue value ? value.ToString() : null);

        var endpoint = Param("endpoint") ?? "";
        var app = Param("app") ?? "";
        var args = (Param("appArgs") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var callerId = Param("callerId");
        var id = routeChannelId ?? Param("channelId") ?? $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Interlocked.Increment(ref _generatedIds)}";
        var variables = body["variables"] is JsonObject vars
            ? vars.ToDictionary(v => v.Key, v => v.Value?.ToString() ?? "")
            : [];
        var target = DialTarget.Parse(endpoint, pbx.Options.Trunk);

        int Record(int status)
        {
            pbx.Log.Add(new OriginateRecord(id, endpoint, target?.Number ?? "", app, args, callerId, variables, status, DateTimeOffset.UtcNow));
            return status;
        }

        if (endpoint.Length == 0)
        {
            return AriResponses.Error(Record(StatusCodes.Status400BadRequest), "Endpoint must be specified");
        }

        if (app.Length == 0)
        {
            return AriResponses.Error(Record(StatusCodes.Status400BadRequest), "Application or extension must be specified");
        }

        if (pbx.Engine.Channels.Find(id) is not null)
        {
            return AriResponses.Error(Record(StatusCodes.Status409Conflict), "Channel with given unique ID already exists");
        }

        var script = pbx.Scripts.For(target?.Number ?? "");
        if (script.OriginateDelay > TimeSpan.Zero)
        {
            // Deliberately not cancelled by the client giving up: a slow PBX still places the call.
            await Task.Delay(script.OriginateDelay);
        }

        if (target is null)
        {
            Record(StatusCodes.Status500InternalServerError);
            return AriResponses.AllocationFailed();
        }

        var (callerName, callerNumber) = ParseCallerId(callerId);
        var channel = new SimChannel
        {
            Id = id,
            Name = pbx.Engine.Channels.NextName(pbx.Options.Trunk),
            Number = target.Number,
            DialString = target.DialString,
            App = app,
            Args = args,
            CallerName = callerName,
            CallerNumber = callerNumber,
            RingTimeout = ParseTimeout(Param("timeout")),
            Script = script,
        };
        if (!pbx.Engine.Channels.TryAdd(channel))
        {
            return AriResponses.Error(Record(StatusCodes.Status409Conflict), "Channel with given unique ID already exists");
        }

        Record(StatusCodes.Status200OK);
        var json = channel.ToJson();
        _ = Task.Run(new CallDriver(pbx.Engine, channel, script).RunAsync);
        return AriResponses.Json(StatusCodes.Status200OK, json);
    }

    /// <summary>Seconds to ring; ARI's default is 30 and -1 means no limit.</summary>
    private static TimeSpan? ParseTimeout(string? text) =>
        int.TryParse(text, out var seconds) ? (seconds < 0 ? null : TimeSpan.FromSeconds(seconds)) : TimeSpan.FromSeconds(30);

    /// <summary>"CallPing &lt;+15550199&gt;" or a bare number.</summary>
    private static (string Name, string Number) ParseCallerId(string? callerId)
    {
        if (string.IsNullOrWhiteSpace(callerId))
        {
            return ("", "");
        }

        var open = callerId.IndexOf('<');
        var close = callerId.IndexOf('>');
        return open >= 0 && close > open
            ? (callerId[..open].Trim().Trim('"'), callerId[(open + 1)..close].Trim())
            : ("", callerId.Trim());
    }
}
