namespace CallPing.WebFrontend.Accounts.Bodies;

/// <summary>POST /api/v1/auth/login; staySignedIn keeps the session 7 days idle instead of 24 h.</summary>
public sealed record LoginBody(string? Email, string? Password, bool StaySignedIn = false);
