namespace CallPing.Ari.Models;

/// <summary>An ARI Playback: media playing to a channel.</summary>
public sealed record Playback
{
    public required string Id { get; init; }

    public string MediaUri { get; init; } = "";

    public string? NextMediaUri { get; init; }

    /// <summary>"channel:{id}" for playbacks on a channel.</summary>
    public string TargetUri { get; init; } = "";

    public string Language { get; init; } = "";

    /// <summary>"queued", "playing", "continuing", "done", "failed".</summary>
    public string State { get; init; } = "";
}
