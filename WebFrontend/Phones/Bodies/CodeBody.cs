namespace CallPing.WebFrontend.Phones.Bodies;

/// <summary>The 6-digit code the verification call played.</summary>
public sealed record CodeBody(string? Code);
