namespace CallPing.Ari.Models;

/// <summary>Where a channel is in the dialplan; app_name is "Stasis" once it is in our application.</summary>
public sealed record DialplanCep
{
    public string Context { get; init; } = "";

    public string Exten { get; init; } = "";

    public long Priority { get; init; }

    public string AppName { get; init; } = "";

    public string AppData { get; init; } = "";
}
