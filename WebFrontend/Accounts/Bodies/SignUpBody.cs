namespace CallPing.WebFrontend.Accounts.Bodies;

/// <summary>POST /api/v1/auth/signup.</summary>
public sealed record SignUpBody(string? Email, string? Password);
