using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Phones;
using Orleans.Concurrency;

namespace CallPing.Grains.Interfaces.Accounts;

/// <summary>
/// One person's account: e-mail, password hash, sessions, TOTP. Key: the user id. The web role does the cryptography
/// (password hashing, encryption of the TOTP secret, code checks); this grain keeps the state and makes the decisions
/// that must not race: which session lives, whether a code or link was used already, how many tries a challenge had.
/// </summary>
[Alias("callping.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the account for an address (called by its e-mail index grain); a no-op when it exists.</summary>
    [Alias("Create")]
    Task CreateAsync(string email);

    /// <summary>Records a sign-up's password and link; false when the address is verified already.</summary>
    [Alias("AddSignUp")]
    Task<bool> AddSignUpAsync(PendingSignUp signUp);

    /// <summary>Follows a sign-up link: the address is verified, the sign-up's password becomes the account's. False when unknown, used or expired.</summary>
    [Alias("VerifyEmail")]
    Task<bool> VerifyEmailAsync(string tokenHash);

    /// <summary>What a login is checked against; null when the account cannot log in (none, or not verified).</summary>
    [Alias("GetCredentials")]
    Task<UserCredentials?> GetCredentialsAsync();

    /// <summary>Starts a session after a correct password (an account without TOTP).</summary>
    [Alias("StartSession")]
    Task<SessionTicket> StartSessionAsync(bool staySignedIn);

    /// <summary>Starts a TOTP challenge after a correct password; returns its id.</summary>
    [Alias("StartChallenge")]
    Task<string> StartChallengeAsync(bool staySignedIn);

    /// <summary>The encrypted TOTP secret to check a challenge's code against; null when the challenge is void, expired or unknown.</summary>
    [Alias("GetChallengeSecret")]
    Task<string?> GetChallengeSecretAsync(string challengeId);

    /// <summary>Answers a challenge with the time step the code matched (null: wrong) or a recovery code's hash.</summary>
    [Alias("AnswerChallenge")]
    Task<ChallengeOutcome> AnswerChallengeAsync(string challengeId, ChallengeAnswer answer);

    /// <summary>The live session of that id, its idle lifetime renewed; null when it ended, expired or never was.</summary>
    [Alias("GetSession")]
    Task<SessionView?> GetSessionAsync(string sessionId);

    /// <summary>Ends one session.</summary>
    [Alias("EndSession")]
    Task EndSessionAsync(string sessionId);

    /// <summary>The live sessions, newest first, the given one marked as the current one.</summary>
    [Alias("GetSessions")]
    Task<IReadOnlyList<SessionSummary>> GetSessionsAsync(string currentSessionId);

    /// <summary>Ends every session but that one; returns how many ended.</summary>
    [Alias("EndOtherSessions")]
    Task<int> EndOtherSessionsAsync(string sessionId);

    /// <summary>Records a password re-entry on the session, for the operations that need a recent one.</summary>
    [Alias("StepUp")]
    Task<bool> StepUpAsync(string sessionId);

    /// <summary>Sets a new password hash; every other session ends.</summary>
    [Alias("ChangePassword")]
    Task ChangePasswordAsync(string sessionId, string passwordHash);

    /// <summary>Records a password reset link (the newest one replaces any earlier); false when the account cannot log in.</summary>
    [Alias("AddReset")]
    Task<bool> AddResetAsync(string tokenHash, DateTimeOffset expiresAt);

    /// <summary>Uses a reset link: the new password is set and every session ends. False when unknown, used or expired.</summary>
    [Alias("ResetPassword")]
    Task<bool> ResetPasswordAsync(string tokenHash, string passwordHash);

    /// <summary>Starts TOTP enrolment with a new encrypted secret; not active until confirmed.</summary>
    [Alias("BeginTotp")]
    Task BeginTotpAsync(string protectedSecret);

    /// <summary>The encrypted secret of an enrolment in progress; null when none.</summary>
    [Alias("GetPendingTotpSecret")]
    Task<string?> GetPendingTotpSecretAsync();

    /// <summary>Turns TOTP on after a first correct code (its time step) with the hashes of new recovery codes.</summary>
    [Alias("ConfirmTotp")]
    Task<bool> ConfirmTotpAsync(long timeStep, IReadOnlyList<string> recoveryCodeHashes);

    /// <summary>Turns TOTP off and drops its secret and recovery codes.</summary>
    [Alias("DisableTotp")]
    Task DisableTotpAsync();

    /// <summary>Lists an organisation among the account's (called by the organisation when the person joins it).</summary>
    [Alias("AddOrg")]
    Task AddOrgAsync(string orgId);

    /// <summary>Drops an organisation from the account's (called by the organisation when the person leaves or goes).</summary>
    [Alias("RemoveOrg")]
    Task RemoveOrgAsync(string orgId);

    /// <summary>The account's organisations and its current one.</summary>
    [Alias("GetOrgs")]
    Task<UserOrgs> GetOrgsAsync();

    /// <summary>Makes one of the account's organisations the current one, with an audit row in it; false when the account is not in it.</summary>
    [Alias("SwitchOrg")]
    Task<bool> SwitchOrgAsync(string orgId, AuditContext by);

    /// <summary>Adds a phone number (E.164, checked again here) with a label; answers its id. Unverified and active.</summary>
    [Alias("AddPhoneNumber")]
    Task<OrgAnswer> AddPhoneNumberAsync(string number, string label);

    /// <summary>The person's phone numbers, oldest first.</summary>
    [Alias("GetPhoneNumbers"), ReadOnly]
    Task<IReadOnlyList<PhoneNumberView>> GetPhoneNumbersAsync();

    /// <summary>Draws a new 6-digit code (any earlier one is void) and calls the number through the PBX fleet to play it; answers the call id.</summary>
    [Alias("CallToVerify")]
    Task<OrgAnswer> CallToVerifyAsync(string phoneNumberId);

    /// <summary>Checks a code the owner typed: the right one verifies the number, the third wrong one voids the code.</summary>
    [Alias("VerifyPhoneNumber")]
    Task<OrgAnswer> VerifyPhoneNumberAsync(string phoneNumberId, string code);

    /// <summary>Turns a number on or off for escalations, with an audit row in each of the person's organisations.</summary>
    [Alias("SetPhoneNumberActive")]
    Task<OrgAnswer> SetPhoneNumberActiveAsync(string phoneNumberId, bool active, AuditContext by);

    /// <summary>Places a test call to a verified number; answers the call id. Its outcome: <see cref="GetTestCallAsync"/>.</summary>
    [Alias("PlaceTestCall")]
    Task<OrgAnswer> PlaceTestCallAsync(string phoneNumberId);

    /// <summary>The number's last test call and how it went; null when it has none (or there is no such number).</summary>
    [Alias("GetTestCall")]
    Task<TestCallView?> GetTestCallAsync(string phoneNumberId);

    /// <summary>What an escalation dials for this number, or why it skips it (unknown, unverified, inactive).</summary>
    [Alias("GetCallableNumber"), ReadOnly]
    Task<CallableNumber> GetCallableNumberAsync(string phoneNumberId);

    /// <summary>The account as its owner sees it.</summary>
    [Alias("GetProfile")]
    Task<UserProfile?> GetProfileAsync();
}
