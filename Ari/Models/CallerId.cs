namespace CallPing.Ari.Models;

/// <summary>ARI CallerID: a name and a number, either may be empty.</summary>
public sealed record CallerId
{
    public string Name { get; init; } = "";

    public string Number { get; init; } = "";
}
