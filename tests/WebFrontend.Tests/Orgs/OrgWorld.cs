using CallPing.Grains.Accounts;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Projects;
using CallPing.TestSupport;
using CallPing.WebFrontend.Tests.Accounts;

namespace CallPing.WebFrontend.Tests.Orgs;

/// <summary>
/// People for the organisation tests: an owner, an admin and a member of organisations made for each case, and an
/// outsider who belongs to none of them. Organisations are made through their grains (the same code the API calls), so
/// that a table of cases can have a fresh one per case in milliseconds; the people are real accounts, signed in.
/// </summary>
public sealed class OrgWorld : IAsyncLifetime
{
    private readonly AccountsFixture _fixture;

    public OrgWorld(AccountsFixture fixture) => _fixture = fixture;

    public Person Owner { get; private set; } = null!;

    public Person Admin { get; private set; } = null!;

    public Person Member { get; private set; } = null!;

    public Person Outsider { get; private set; } = null!;

    public IGrainFactory Grains => _fixture.App.Grains;

    public async Task InitializeAsync()
    {
        var people = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Person.SignUpAsync(_fixture)));
        (Owner, Admin, Member, Outsider) = (people[0], people[1], people[2], people[3]);
    }

    /// <summary>The person of a role; the outsider for null.</summary>
    public Person As(OrgRole? role) => role switch
    {
        OrgRole.Owner => Owner,
        OrgRole.Admin => Admin,
        OrgRole.Member => Member,
        _ => Outsider,
    };

    /// <summary>A new organisation of <paramref name="owner"/> (the world's owner when null) with the admin and the member joined, a project with an API key and an alert, and an open invitation.</summary>
    public async Task<OrgCase> NewOrgAsync(Person? owner = null)
    {
        owner ??= Owner;
        var orgId = Guid.NewGuid().ToString("N");
        var org = Grains.GetGrain<IOrganizationGrain>(orgId);
        await org.CreateAsync("Org " + orgId[..6], owner.Email, By(owner));
        if (owner == Owner)
        {
            await JoinAsync(org, Admin, OrgRole.Admin);
            await JoinAsync(org, Member, OrgRole.Member);
        }

        var projectId = (await org.CreateProjectAsync("Web shop", By(owner))).CreatedId!;
        var invitationId = (await org.InviteAsync(new NewInvitation(AccountsApp.NewEmail(), OrgRole.Member, SecretHash.Of(SecretHash.NewSecret()), _fixture.App.Clock.GetUtcNow().AddDays(7)), By(owner))).CreatedId!;
        var memberUserId = owner == Owner ? Member.UserId : owner.UserId;
        var keyId = (await Grains.GetGrain<IProjectGrain>(projectId).IssueApiKeyAsync("monitoring", By(owner))).KeyId;
        return new OrgCase(orgId, projectId, invitationId, memberUserId, await PhoneNumberOfAsync(memberUserId), await RaiseAlertAsync(projectId))
        {
            KeyId = keyId,
        };
    }

    /// <summary>
    /// Raises an alert in the project as intake does and waits until the project's list shows it: the project has no
    /// contacts, so by then it is exhausted and changes no more by itself. Returns its id.
    /// </summary>
    public async Task<string> RaiseAlertAsync(string projectId, string summary = "Disk full on db-1")
    {
        var dedupKey = Guid.NewGuid().ToString("N");
        var result = await Grains.GetGrain<IDedupGrain>($"{projectId}/{dedupKey}").SubmitAsync(
            new AlertEvent(projectId, dedupKey, AlertAction.Trigger, summary, AlertSeverity.Critical, "db-1", null, "api"));
        var alertId = result.AlertId!;
        await Eventually.ReachesAsync(() => Grains.GetGrain<IAlertIndexGrain>(projectId).GetPageAsync(null, 1),
            page => page.Alerts.Any(a => a.AlertId == alertId), TimeSpan.FromSeconds(10), $"alert {alertId} listed");
        return alertId;
    }

    /// <summary>The id of the person's first phone number, added now when they have none (a person may have only a few).</summary>
    public async Task<string> PhoneNumberOfAsync(string userId)
    {
        var user = Grains.GetGrain<IUserGrain>(userId);
        if ((await user.GetPhoneNumbersAsync()).FirstOrDefault() is { } first)
        {
            return first.PhoneNumberId;
        }

        return (await user.AddPhoneNumberAsync($"+1555{Random.Shared.Next(1_000_000, 10_000_000)}", "mobile")).CreatedId!;
    }

    public static AuditContext By(Person person) => new(person.UserId, "127.0.0.1");

    private async Task JoinAsync(IOrganizationGrain org, Person person, OrgRole role)
    {
        var secret = SecretHash.NewSecret();
        await org.InviteAsync(new NewInvitation(person.Email, role, SecretHash.Of(secret), _fixture.App.Clock.GetUtcNow().AddDays(7)), By(Owner));
        var answer = await org.JoinAsync(SecretHash.Of(secret), person.Email, By(person));
        Assert.Equal(OrgOutcome.Done, answer.Outcome);
    }

    public Task DisposeAsync()
    {
        foreach (var person in new[] { Owner, Admin, Member, Outsider })
        {
            person?.Dispose();
        }

        return Task.CompletedTask;
    }
}

/// <summary>The ids of one organisation made for a case: the organisation, a project, an open invitation, a member to act on with their phone number, and an alert of the project.</summary>
public sealed record OrgCase(string OrgId, string ProjectId, string InvitationId, string MemberUserId, string PhoneNumberId, string AlertId)
{
    /// <summary>A live API key of the project.</summary>
    public string KeyId { get; init; } = "";

    /// <summary>The path with every id parameter replaced by this organisation's; fails on a parameter it has no id for.</summary>
    public string Fill(string pathTemplate) =>
        System.Text.RegularExpressions.Regex.Replace(pathTemplate, @"\{(\w+)\}", m => m.Groups[1].Value switch
        {
            "orgId" => OrgId,
            "projectId" => ProjectId,
            "invitationId" => InvitationId,
            "userId" => MemberUserId,
            "phoneNumberId" => PhoneNumberId,
            "keyId" => KeyId,
            "alertId" => AlertId,
            var other => throw new Xunit.Sdk.XunitException($"No id for {{{other}}} in {pathTemplate}: give the organisation case one of that kind."),
        });
}
