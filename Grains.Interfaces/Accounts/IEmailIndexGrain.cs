namespace CallPing.Grains.Interfaces.Accounts;

/// <summary>
/// The one account of an e-mail address. Key: the normalised address. Sign-ups of one address run one at a time
/// here, so concurrent sign-ups make one account.
/// </summary>
[Alias("callping.IEmailIndexGrain")]
public interface IEmailIndexGrain : IGrainWithStringKey
{
    /// <summary>Creates the address's account when it has none, and records a sign-up attempt on it.</summary>
    [Alias("SignUp")]
    Task<SignUpOutcome> SignUpAsync(PendingSignUp signUp);

    /// <summary>The user id of the address's account; null when it has none.</summary>
    [Alias("GetUserId")]
    Task<string?> GetUserIdAsync();
}
