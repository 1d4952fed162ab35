using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Audit;

namespace CallPing.Grains.Accounts;

/// <summary>
/// Stored state of an account. Nothing here works when read: the password is a PBKDF2 hash, the TOTP secret is
/// encrypted with the cluster's Data Protection keys, session ids, link tokens and recovery codes are SHA-256 hashes.
/// </summary>
[GenerateSerializer, Alias("callping.UserState")]
public sealed class UserState
{
    [Id(0)]
    public string Email { get; set; } = "";

    [Id(1)]
    public bool EmailVerified { get; set; }

    /// <summary>Empty until the address is verified: the followed sign-up link brings the password.</summary>
    [Id(2)]
    public string PasswordHash { get; set; } = "";

    [Id(3)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(4)]
    public List<PendingSignUp> SignUps { get; set; } = [];

    [Id(5)]
    public StoredLink? Reset { get; set; }

    [Id(6)]
    public Dictionary<string, StoredSession> Sessions { get; set; } = [];

    [Id(7)]
    public Dictionary<string, StoredChallenge> Challenges { get; set; } = [];

    /// <summary>The encrypted TOTP secret while TOTP is on.</summary>
    [Id(8)]
    public string? TotpSecret { get; set; }

    /// <summary>The encrypted secret of an enrolment not confirmed yet.</summary>
    [Id(9)]
    public string? PendingTotpSecret { get; set; }

    /// <summary>The time step of the last code accepted: a code of that step or an earlier one is refused.</summary>
    [Id(10)]
    public long LastTotpStep { get; set; }

    [Id(11)]
    public List<string> RecoveryCodeHashes { get; set; } = [];

    /// <summary>The organisations the person belongs to, as their organisations told; the organisations hold the roles.</summary>
    [Id(12)]
    public List<string> OrgIds { get; set; } = [];

    [Id(13)]
    public string? CurrentOrgId { get; set; }

    /// <summary>Audit entries of organisation switches stored here and not yet known to be in their organisation's log.</summary>
    [Id(14)]
    public List<AuditEntry> PendingAudit { get; set; } = [];

    /// <summary>The person's phone numbers, each with its verification.</summary>
    [Id(15)]
    public List<StoredPhoneNumber> PhoneNumbers { get; set; } = [];
}
