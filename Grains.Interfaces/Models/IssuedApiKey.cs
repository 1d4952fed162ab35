namespace CallPing.Grains.Interfaces.Models;

/// <summary>A newly issued API key; <see cref="Key"/> is shown this once and never stored.</summary>
public sealed record IssuedApiKey(string KeyId, string Key, string Prefix);
