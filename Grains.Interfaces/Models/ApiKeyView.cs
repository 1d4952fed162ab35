namespace CallPing.Grains.Interfaces.Models;

/// <summary>An API key without its secret: "cp_live_AbCd" prefix for recognition, when used last.</summary>
public sealed record ApiKeyView(string KeyId, string Label, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, bool Revoked);
