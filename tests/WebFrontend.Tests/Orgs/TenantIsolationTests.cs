using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Projects;
using CallPing.WebFrontend.Tests.Accounts;

namespace CallPing.WebFrontend.Tests.Orgs;

/// <summary>A person of organisation A tries every operation of the portal's API on organisation B's ids: 404 each time, and B is unchanged.</summary>
[Collection(AccountsCollection.Name)]
public sealed class TenantIsolationTests(AccountsFixture fixture) : IAsyncLifetime
{
    private readonly OrgWorld _world = new(fixture);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task EveryOrgScopedOperation_OwnerOfAnotherOrgOnOrgBsIds_404AndNothingChanges()
    {
        var intruder = _world.Owner;
        await _world.NewOrgAsync();
        var orgB = await _world.NewOrgAsync(owner: _world.Outsider);
        var before = await SnapshotAsync(orgB);
        var operations = await OrgScopedOperations.ReadAsync(fixture.App);

        await intruder.StepUpAsync();
        var answers = new List<string>();
        foreach (var (method, path) in operations)
        {
            using var response = await intruder.Browser.SendAsync(method, orgB.Fill(path), method == HttpMethod.Get || method == HttpMethod.Delete ? null : OrgScopedOperations.AnyValidBody());
            answers.Add($"{method} {path} -> {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
        }

        Assert.True(operations.Count >= 18, $"only {operations.Count} operations found");
        Assert.All(answers, a => Assert.EndsWith("-> 404 application/problem+json", a));
        Assert.Equal(before, await SnapshotAsync(orgB));
    }

    /// <summary>What organisation B holds, as text: its view, invitations, project, alert and audit log, and its member's phone numbers.</summary>
    private async Task<string> SnapshotAsync(OrgCase org)
    {
        var grain = _world.Grains.GetGrain<IOrganizationGrain>(org.OrgId);
        var view = await grain.GetAsync();
        var invitations = await grain.GetInvitationsAsync(_world.Outsider.UserId);
        var project = await _world.Grains.GetGrain<IProjectGrain>(org.ProjectId).GetAsync();
        var audit = await _world.Grains.GetGrain<IAuditLogGrain>(org.OrgId).GetPageAsync(null, 200);
        var numbers = await _world.Grains.GetGrain<IUserGrain>(org.MemberUserId).GetPhoneNumbersAsync();
        var alert = await _world.Grains.GetGrain<IAlertGrain>(org.AlertId).GetAsync();
        return System.Text.Json.JsonSerializer.Serialize(new { view, invitations, project, audit, numbers, alert });
    }
}
