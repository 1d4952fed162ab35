namespace CallPing.Ari;

/// <summary>What POST /ari/channels/{channelId} needs to place one call.</summary>
/// <param name="ChannelId">Chosen by us so that we know it before the first event and a repeat cannot ring twice.</param>
/// <param name="Endpoint">e.g. "PJSIP/+15550100@trunk-a".</param>
public sealed record OriginateRequest(string ChannelId, string Endpoint)
{
    /// <summary>Stasis application; null means the connection's own app.</summary>
    public string? App { get; init; }

    /// <summary>Arrive as StasisStart's args.</summary>
    public IReadOnlyList<string> AppArgs { get; init; } = [];

    /// <summary>e.g. "CallPing &lt;+15550199&gt;".</summary>
    public string? CallerId { get; init; }

    /// <summary>Seconds to ring before giving up; ARI's default is 30.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Channel variables, sent in the JSON body.</summary>
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}
