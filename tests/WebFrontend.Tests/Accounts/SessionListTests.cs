using System.Net;
using System.Net.Http.Json;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.TestSupport.Accounts;

namespace CallPing.WebFrontend.Tests.Accounts;

/// <summary>GET /api/v1/me/sessions: the live sessions the sessions page shows, this one marked.</summary>
[Collection(AccountsCollection.Name)]
public sealed class SessionListTests(AccountsFixture fixture)
{
    [Fact]
    public async Task Sessions_TwoLoginsThenLogoutEverywhere_ListsBothThenOnlyThisOne()
    {
        var email = AccountsApp.NewEmail();
        using var laptop = await fixture.SignedUpAndInAsync(email);
        using var phone = await fixture.SignedInAsync(email);

        var before = await ListAsync(laptop);
        using var ended = await laptop.PostAsync("/api/v1/auth/logout-everywhere");
        var after = await ListAsync(laptop);
        var phoneAfter = await phone.MeStatusAsync();

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(2, before.Count);
        Assert.Single(before, s => s.Current);
        var only = Assert.Single(after);
        Assert.True(only.Current);
        Assert.Equal(HttpStatusCode.Unauthorized, phoneAfter);
    }

    private static async Task<List<SessionSummary>> ListAsync(Browser browser)
    {
        using var response = await browser.GetAsync("/api/v1/me/sessions");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<SessionSummary>>())!;
    }
}
