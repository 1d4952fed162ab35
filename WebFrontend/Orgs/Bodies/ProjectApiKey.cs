namespace CallPing.WebFrontend.Orgs.Bodies;

/// <summary>A live API key of a project as its members see it: never the key or its hash, only its first characters.</summary>
public sealed record ProjectApiKey(string KeyId, string Prefix, string Label, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
