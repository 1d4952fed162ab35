using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Phones;

namespace CallPing.WebFrontend.Portal.Pages.PhoneNumbers;

/// <summary>One of the person's numbers as the phone numbers page shows it: the number and its last test call, if any.</summary>
public sealed record ShownPhoneNumber(PhoneNumberView Number, TestCallView? TestCall)
{
    /// <summary>The person's numbers with their test calls, read as the API reads them; the page and its live feed both show this.</summary>
    public static async Task<IReadOnlyList<ShownPhoneNumber>> ReadAsync(IGrainFactory grains, string userId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var user = grains.GetGrain<IUserGrain>(userId);
        var numbers = await user.GetPhoneNumbersAsync();
        return await Task.WhenAll(numbers.Select(async n =>
            new ShownPhoneNumber(n, n.Status == PhoneNumberStatus.Verified ? await user.GetTestCallAsync(n.PhoneNumberId) : null)));
    }
}
