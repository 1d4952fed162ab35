namespace CallPing.WebFrontend.Accounts.Bodies;

/// <summary>The current password (step-up).</summary>
public sealed record PasswordBody(string? Password);
