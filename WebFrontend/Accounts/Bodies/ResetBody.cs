namespace CallPing.WebFrontend.Accounts.Bodies;

/// <summary>POST /api/v1/auth/reset-password: the reset link's token and the new password.</summary>
public sealed record ResetBody(string? Token, string? NewPassword);
