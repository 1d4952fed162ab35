namespace CallPing.Grains.Accounts;

/// <summary>The lifetimes and limits of accounts and sessions, as the product's security page states them.</summary>
public static class AccountPolicy
{
    /// <summary>A session expires after this long without a request.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(24);

    /// <summary>A "stay logged in" session expires after this long without a request.</summary>
    public static readonly TimeSpan StaySignedInLifetime = TimeSpan.FromDays(7);

    /// <summary>No session lives longer than this from its creation, however often it is used.</summary>
    public static readonly TimeSpan SessionAbsoluteLifetime = TimeSpan.FromDays(90);

    /// <summary>
    /// A session's renewed expiry is stored only when it moved by at least this much, so that a busy session costs a
    /// write every few minutes, not one per request.
    /// </summary>
    public static readonly TimeSpan SessionRenewalStep = TimeSpan.FromMinutes(5);

    /// <summary>Operations that need a step-up accept a password entry this recent.</summary>
    public static readonly TimeSpan StepUpWindow = TimeSpan.FromMinutes(5);

    /// <summary>A TOTP challenge must be answered within this time after the password.</summary>
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Wrong answers a challenge takes; the next answer, even a right one, finds it void.</summary>
    public const int MaxWrongCodes = 5;

    /// <summary>How long an e-mail verification link works.</summary>
    public static readonly TimeSpan VerificationLinkLifetime = TimeSpan.FromHours(24);

    /// <summary>How long a password reset link works.</summary>
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(1);

    /// <summary>Sign-ups of one unverified address kept at once; the oldest is dropped beyond it.</summary>
    public const int MaxPendingSignUps = 5;

    /// <summary>Recovery codes issued when TOTP is turned on.</summary>
    public const int RecoveryCodes = 10;

    /// <summary>How often a user grain with something that expires sweeps it out.</summary>
    public static readonly TimeSpan SweepPeriod = TimeSpan.FromHours(1);
}
