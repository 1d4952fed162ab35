namespace CallPing.WebFrontend.Accounts.Bodies;

/// <summary>POST /api/v1/auth/login/totp: the challenge token of the login, and a 6-digit code or a recovery code.</summary>
public sealed record TotpLoginBody(string? ChallengeToken, string? Code, string? RecoveryCode);
