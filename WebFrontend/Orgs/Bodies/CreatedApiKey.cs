namespace CallPing.WebFrontend.Orgs.Bodies;

/// <summary>A new API key: <see cref="Key"/> is in this answer only, CallPing keeps its hash.</summary>
public sealed record CreatedApiKey(string KeyId, string Key, string Prefix, string Label, DateTimeOffset CreatedAt);
