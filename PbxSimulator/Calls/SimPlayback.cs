using System.Text.Json.Nodes;

namespace CallPing.PbxSimulator.Calls;

/// <summary>One playback of a list of media on a channel. Mutable state is guarded by <see cref="SimChannel.Gate"/>.</summary>
internal sealed class SimPlayback(string id, SimChannel channel, IReadOnlyList<string> media)
{
    private static readonly string[] KnownSchemes = ["sound:", "recording:", "number:", "digits:", "characters:", "tone:"];

    public string Id { get; } = id;

    public SimChannel Channel { get; } = channel;

    public IReadOnlyList<string> Media { get; } = media;

    public int Index { get; set; }

    /// <summary>"queued" until the playbacks before it on the channel are over, then "playing", "continuing", "done" or "failed".</summary>
    public string State { get; set; } = "queued";

    /// <summary>Cancelled by DELETE /ari/playbacks/{id}: a queued playback never starts, a playing one stops.</summary>
    public CancellationTokenSource Stop { get; } = new();

    public static bool IsPlayable(string media) => KnownSchemes.Any(s => media.StartsWith(s, StringComparison.Ordinal) && media.Length > s.Length);

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["media_uri"] = Media[Math.Min(Index, Media.Count - 1)],
            ["target_uri"] = $"channel:{Channel.Id}",
            ["language"] = "en",
            ["state"] = State,
        };
        if (Index + 1 < Media.Count)
        {
            json["next_media_uri"] = Media[Index + 1];
        }

        return json;
    }
}
