namespace CallPing.WebFrontend.Accounts.Bodies;

/// <summary>A link's token (e-mail verification).</summary>
public sealed record TokenBody(string? Token);
