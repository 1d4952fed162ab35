using System.Text.Json;

namespace CallPing.Ari.Events;

/// <summary>Turns one WebSocket message into a typed event.</summary>
public static class AriEventParser
{
    /// <summary>The typed event; <see cref="UnknownAriEvent"/> for types without a record.</summary>
    /// <exception cref="JsonException">Not JSON, no "type", or a known type missing a required field.</exception>
    public static AriEvent Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var typeField)
            || typeField.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("ARI event without a \"type\".");
        }

        var type = typeField.GetString()!;
        AriEvent? parsed = type switch
        {
            "StasisStart" => root.Deserialize<StasisStartEvent>(AriJson.Options),
            "StasisEnd" => root.Deserialize<StasisEndEvent>(AriJson.Options),
            "ChannelStateChange" => root.Deserialize<ChannelStateChangeEvent>(AriJson.Options),
            "ChannelDtmfReceived" => root.Deserialize<ChannelDtmfReceivedEvent>(AriJson.Options),
            "ChannelHangupRequest" => root.Deserialize<ChannelHangupRequestEvent>(AriJson.Options),
            "ChannelDestroyed" => root.Deserialize<ChannelDestroyedEvent>(AriJson.Options),
            "PlaybackStarted" => root.Deserialize<PlaybackStartedEvent>(AriJson.Options),
            "PlaybackContinuing" => root.Deserialize<PlaybackContinuingEvent>(AriJson.Options),
            "PlaybackFinished" => root.Deserialize<PlaybackFinishedEvent>(AriJson.Options),
            "Dial" => root.Deserialize<DialEvent>(AriJson.Options),
            "ApplicationReplaced" => root.Deserialize<ApplicationReplacedEvent>(AriJson.Options),
            _ => Unknown(root, json),
        };
        return parsed ?? throw new JsonException($"ARI event {type} is null.");
    }

    private static UnknownAriEvent Unknown(JsonElement root, string json) => new()
    {
        Type = root.GetProperty("type").GetString()!,
        Application = Text(root, "application"),
        Timestamp = Text(root, "timestamp") is { Length: > 0 } time ? AriTimestampConverter.Parse(time) : default,
        AsteriskId = Text(root, "asterisk_id"),
        RawJson = json,
    };

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.String ? field.GetString()! : "";
}
