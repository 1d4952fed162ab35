namespace CallPing.Grains.Projects;

/// <summary>Stored state of one API key hash: its project, and whether and when it was used.</summary>
public sealed class ApiKeyState
{
    public string ProjectId { get; set; } = "";

    public string KeyId { get; set; } = "";

    public bool Revoked { get; set; }

    /// <summary>Last successful authentication, to within <see cref="ApiKeyGrain.LastUseWriteInterval"/>.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
}
