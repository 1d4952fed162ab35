namespace CallPing.WebFrontend.Accounts.Bodies;

/// <summary>A 6-digit TOTP code.</summary>
public sealed record CodeBody(string? Code);
