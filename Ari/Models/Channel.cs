using System.Text.Json.Serialization;

namespace CallPing.Ari.Models;

/// <summary>An ARI Channel as GET /ari/channels/{id} and events carry it.</summary>
public sealed record Channel
{
    public required string Id { get; init; }

    /// <summary>Technology name, e.g. "PJSIP/trunk-a-00000001".</summary>
    public required string Name { get; init; }

    /// <summary>"Down", "Ringing", "Up", "Busy" and the other Asterisk channel states.</summary>
    public required string State { get; init; }

    public CallerId Caller { get; init; } = new();

    public CallerId Connected { get; init; } = new();

    public string Accountcode { get; init; } = "";

    public DialplanCep Dialplan { get; init; } = new();

    [JsonPropertyName("creationtime")]
    public DateTimeOffset CreationTime { get; init; }

    public string Language { get; init; } = "";

    /// <summary>Only present when the PBX is configured to include channel variables.</summary>
    public IReadOnlyDictionary<string, string>? Channelvars { get; init; }
}
