namespace CallPing.WebFrontend.Apis;

/// <summary>Body of a healthy probe answer.</summary>
public sealed record HealthStatus(string Status, string? Store);
