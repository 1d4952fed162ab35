namespace CallPing.WebFrontend.Accounts.Bodies;

/// <summary>Recovery codes, shown this once.</summary>
public sealed record RecoveryCodesAnswer(IReadOnlyList<string> RecoveryCodes);
