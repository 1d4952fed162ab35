namespace CallPing.WebFrontend.Accounts.Bodies;

/// <summary>A new password (change, after a step-up).</summary>
public sealed record NewPasswordBody(string? NewPassword);
