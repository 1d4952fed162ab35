using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Phones;

namespace CallPing.WebFrontend.Orgs;

/// <summary>
/// Every phone number of every member of an organisation, masked, as a policy may call them: what a policy's contacts
/// are picked from, for the API and the portal's policy editor alike.
/// </summary>
public static class OrgContacts
{
    public static async Task<List<OrgContact>> ListAsync(IGrainFactory grains, string orgId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (await grains.GetGrain<IOrganizationGrain>(orgId).GetAsync() is not { } org)
        {
            return [];
        }

        var numbers = await Task.WhenAll(org.Members.Select(async member =>
            (Member: member, Numbers: await grains.GetGrain<IUserGrain>(member.UserId).GetPhoneNumbersAsync())));
        return [.. numbers.SelectMany(m => m.Numbers.Select(n => new OrgContact(
            m.Member.UserId, m.Member.Email, n.PhoneNumberId, n.Label, PhoneNumber.Mask(n.Number), n.Status, n.Active)))];
    }
}

/// <summary>
/// One member's phone number as a policy contact: <see cref="UserId"/> and <see cref="PhoneNumberId"/> are what the
/// policy names; the number is masked, as everywhere but to its owner.
/// </summary>
public sealed record OrgContact(string UserId, string Email, string PhoneNumberId, string Label, string Number, PhoneNumberStatus Status, bool Active)
{
    /// <summary>Whether an alert would call it now: verified and turned on; the others are skipped.</summary>
    public bool Callable => Status == PhoneNumberStatus.Verified && Active;
}
