using System.Net;
using System.Text.Json;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Audit;
using CallPing.TestSupport.Accounts;
using CallPing.WebFrontend.Tests.Accounts;
using CallPing.WebFrontend.Tests.Orgs;

namespace CallPing.WebFrontend.Tests.Phones;

/// <summary>The phone number endpoints: hostile input refused with problem+json naming the field and nothing stored; a toggle leaves one audit row per organisation.</summary>
[Collection(AccountsCollection.Name)]
public sealed class PhoneNumberApiTests(AccountsFixture fixture) : IAsyncLifetime
{
    private readonly OrgWorld _world = new(fixture);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        { "POST", "/api/v1/phone-numbers", """{"number":"0151 1234567","label":"mobile"}""", "number" },
        { "POST", "/api/v1/phone-numbers", """{"number":"+49-151-1234567","label":"mobile"}""", "number" },
        { "POST", "/api/v1/phone-numbers", """{"number":"+0123456789","label":"mobile"}""", "number" },
        { "POST", "/api/v1/phone-numbers", """{"number":"+1234567890123456","label":"mobile"}""", "number" },
        { "POST", "/api/v1/phone-numbers", """{"number":"<script>alert(1)</script>","label":"mobile"}""", "number" },
        { "POST", "/api/v1/phone-numbers", """{"number":15551234567,"label":"mobile"}""", "number" },
        { "POST", "/api/v1/phone-numbers", """{"number":"+15551234567","label":"LONG"}""", "label" },
        { "POST", "/api/v1/phone-numbers", """{"number":"+15551234567","label":"<img src=x onerror=alert(1)>"}""", "label" },
        { "POST", "/api/v1/phone-numbers/{phoneNumberId}/verify", """{"code":"12345"}""", "code" },
        { "POST", "/api/v1/phone-numbers/{phoneNumberId}/verify", """{"code":"<b>123</b>"}""", "code" },
        { "PUT", "/api/v1/phone-numbers/{phoneNumberId}/active", """{"active":"yes"}""", "active" },
        { "PUT", "/api/v1/phone-numbers/{phoneNumberId}/active", """{}""", "active" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileBody_OwnNumber_400NamingTheFieldAndNothingStored(string method, string pathTemplate, string json, string field)
    {
        var member = _world.Member;
        await member.StepUpAsync();
        var org = await _world.NewOrgAsync();
        var before = await NumbersAsync(member.UserId);
        json = json.Replace("LONG", new string('x', 10_000), StringComparison.Ordinal);

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await member.Browser.SendAsync(new HttpMethod(method), org.Fill(pathTemplate), null, content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
        Assert.Equal(before, await NumbersAsync(member.UserId));
    }

    [Fact]
    public async Task AddThenList_E164Number_ListedUnverifiedAndActive()
    {
        var person = _world.Outsider;

        var (number, id, added) = await AddNumberAsync(person.Browser);
        using var listed = await person.Browser.GetAsync("/api/v1/phone-numbers");
        var mine = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Single(n => n.GetProperty("phoneNumberId").GetString() == id);

        Assert.Equal(HttpStatusCode.Created, added);
        Assert.Equal(number, mine.GetProperty("number").GetString());
        Assert.Equal("Unverified", mine.GetProperty("status").GetString());
        Assert.True(mine.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Toggle_MemberOfTwoOrgs_OneAuditRowInEachWithActorAndTarget()
    {
        var member = _world.Member;
        await member.StepUpAsync();
        var (first, second) = (await _world.NewOrgAsync(), await _world.NewOrgAsync());
        var numberId = await _world.PhoneNumberOfAsync(member.UserId);
        var active = (await _world.Grains.GetGrain<IUserGrain>(member.UserId).GetPhoneNumbersAsync()).Single(n => n.PhoneNumberId == numberId).Active;

        using var response = await member.Browser.SendAsync(HttpMethod.Put, $"/api/v1/phone-numbers/{numberId}/active", new { active = !active });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        foreach (var org in new[] { first, second })
        {
            var rows = (await _world.Grains.GetGrain<IAuditLogGrain>(org.OrgId).GetPageAsync(null, 200)).Rows
                .Where(r => r.Action == AuditActions.PhoneNumberToggle).ToList();
            var row = Assert.Single(rows);
            Assert.Equal((member.UserId, numberId, active ? "inactive" : "active"), (row.ActorUserId, row.Target, row.Detail));
        }
    }

    [Fact]
    public async Task VerificationCalls_OverTheNumbersLimit_429WithRetryAfterAsProblemJson()
    {
        var person = _world.Outsider;
        var (_, id, _) = await AddNumberAsync(person.Browser);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var placed = await person.Browser.SendAsync(HttpMethod.Post, $"/api/v1/phone-numbers/{id}/verification-call", new { });
            statuses.Add(placed.StatusCode);
        }

        using var refused = await person.Browser.SendAsync(HttpMethod.Post, $"/api/v1/phone-numbers/{id}/verification-call", new { });

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 3000, 3600);
    }

    /// <summary>Adds a new number through the API: the number, its id and the answer's status.</summary>
    private static async Task<(string Number, string? Id, HttpStatusCode Status)> AddNumberAsync(Browser browser)
    {
        var number = $"+4930{Random.Shared.Next(1_000_000, 10_000_000)}";
        using var added = await browser.SendAsync(HttpMethod.Post, "/api/v1/phone-numbers", new { number, label = "desk" });
        var id = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("phoneNumberId").GetString();
        return (number, id, added.StatusCode);
    }

    private async Task<string> NumbersAsync(string userId) =>
        JsonSerializer.Serialize(await _world.Grains.GetGrain<IUserGrain>(userId).GetPhoneNumbersAsync());
}
