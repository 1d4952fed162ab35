namespace CallPing.WebFrontend.Accounts.Bodies;

/// <summary>A correct password: signed in (cookie set), or a TOTP code is needed next, with the challenge token to send it with.</summary>
public sealed record LoginAnswer(bool TotpRequired, string? ChallengeToken);
