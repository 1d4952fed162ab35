using Microsoft.AspNetCore.DataProtection;
using CallPing.Grains.Interfaces.Accounts;

namespace CallPing.WebFrontend.Accounts;

/// <summary>What the account endpoints use, bundled for [AsParameters].</summary>
public sealed record AccountServices(
    IGrainFactory Grains, Passwords Passwords, SessionTokens Tokens, TotpCodes Totp, AccountMails Mails, AccountLimits Limits,
    IDataProtectionProvider Protection, AccountClock Clock)
{
    private const string TotpPurpose = "CallPing.Accounts.TotpSecret";

    public IUserGrain User(string userId) => Grains.GetGrain<IUserGrain>(userId);

    public IEmailIndexGrain Email(string normalisedEmail) => Grains.GetGrain<IEmailIndexGrain>(normalisedEmail);

    public IDataProtector TotpSecrets => Protection.CreateProtector(TotpPurpose);

    /// <summary>Issues the signed cookie of a new session.</summary>
    public async Task SignInAsync(HttpResponse response, string userId, SessionTicket ticket) =>
        SessionCookie.Append(response, await Tokens.IssueAsync(userId, ticket), ticket);
}
