namespace CallPing.Runtime.Storage;

/// <summary>A stored grain state; <paramref name="Json"/> is null once cleared (the row stays so that its version keeps counting).</summary>
public sealed record StoredState(string Etag, string? Json);
