namespace CallPing.Grains.Interfaces.Models;

/// <summary>Whether the PBX took an originate; Error says why not (its socket is down, ARI refused), so the try fails over.</summary>
[GenerateSerializer, Immutable, Alias("callping.DialResult")]
public sealed record DialResult([property: Id(0)] string? Error)
{
    public bool Placed => Error is null;

    public static DialResult Ok { get; } = new((string?)null);

    public static DialResult Failed(string error) => new(error);
}
