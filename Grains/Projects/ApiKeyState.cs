namespace CallPing.Grains.Projects;

/// <summary>Stored state of one API key hash: its project, and whether and when it was used.</summary>
[GenerateSerializer, Alias("callping.ApiKeyState")]
public sealed class ApiKeyState
{
    [Id(0)]
    public string ProjectId { get; set; } = "";

    [Id(1)]
    public string KeyId { get; set; } = "";

    [Id(2)]
    public bool Revoked { get; set; }

    /// <summary>Last successful authentication, to within <see cref="ApiKeyGrain.LastUseWriteInterval"/>.</summary>
    [Id(3)]
    public DateTimeOffset? LastUsedAt { get; set; }
}
