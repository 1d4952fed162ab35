using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CallPing.Grains.Audit;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Projects;

namespace CallPing.Grains.Orgs;

/// <summary>
/// An organisation (see <see cref="IOrganizationGrain"/>). Each change checks the actor's role here, against this
/// grain's own state, and stores its audit entry with it (<see cref="AuditOutbox"/>). What the change means to other
/// grains (a member's list of organisations, a project to create or delete) follows from the stored entry and runs
/// after the write, again on activation when a crash came between: every such effect is idempotent.
/// </summary>
public sealed partial class OrganizationGrain(
    [PersistentState("org", GrainStorage.Name)] IPersistentState<OrgState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<OrganizationGrain> logger) : Grain, IOrganizationGrain
{
    private OrgState Org => state.State;

    private string OrgId => this.GetPrimaryKeyString();

    private bool Exists => state.RecordExists && !Org.Deleted;

    private DateTimeOffset Now => time.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FinishAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Left pending: the next change of this organisation, or its next activation, runs it again.
            LogFinishFailed(e, OrgId);
        }
    }

    public async Task<OrgView> CreateAsync(string name, string ownerEmail, AuditContext by)
    {
        var validName = DisplayName.Validate(name, "Name");
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerEmail);
        ArgumentNullException.ThrowIfNull(by);
        if (state.RecordExists)
        {
            throw new InvalidOperationException($"Organisation {OrgId} exists already.");
        }

        Org.Name = validName;
        Org.CreatedAt = Now;
        Org.Members[by.ActorUserId] = new StoredMember(ownerEmail, OrgRole.Owner, Now);
        await ChangeAsync(AuditActions.MemberJoin, by, by.ActorUserId, nameof(OrgRole.Owner));
        return View();
    }

    public Task<OrgView?> GetAsync() => Task.FromResult(Exists ? View() : null);

    public Task<OrgRole?> GetRoleAsync(string userId) =>
        Task.FromResult<OrgRole?>(Exists && Org.Members.TryGetValue(userId, out var member) ? member.Role : null);

    public async Task<OrgAnswer> RenameAsync(string name, AuditContext by)
    {
        var validName = DisplayName.Validate(name, "Name");
        if (Refusal(by, OrgRole.Owner) is { } refused)
        {
            return refused;
        }

        Org.Name = validName;
        await state.WriteStateAsync();
        return OrgAnswer.Done;
    }

    public async Task<OrgAnswer> DeleteAsync(AuditContext by)
    {
        if (Refusal(by, OrgRole.Owner) is { } refused)
        {
            return refused;
        }

        Org.Deleted = true;
        Org.Invitations.Clear();
        await ChangeAsync(AuditActions.OrgDelete, by, OrgId);
        return OrgAnswer.Done;
    }

    public Task<IReadOnlyList<InvitationView>?> GetInvitationsAsync(string actorUserId) =>
        Task.FromResult<IReadOnlyList<InvitationView>?>(RoleOf(actorUserId) >= OrgRole.Admin
            ? [.. Org.Invitations.Where(i => i.ExpiresAt > Now).Select(i => new InvitationView(i.InvitationId, i.Email, i.Role, i.InvitedBy, i.ExpiresAt))]
            : null);

    public async Task<OrgAnswer> CreateProjectAsync(string name, AuditContext by)
    {
        var validName = ProjectRules.ValidName(name);
        if (Refusal(by, OrgRole.Admin) is { } refused)
        {
            return refused;
        }

        if (Org.ProjectIds.Count >= OrgPolicy.MaxProjects)
        {
            return OrgAnswer.Conflict($"An organisation has at most {OrgPolicy.MaxProjects} projects.");
        }

        var projectId = "p" + RandomNumberGenerator.GetHexString(20, lowercase: true);
        Org.ProjectIds.Add(projectId);
        await ChangeAsync(AuditActions.ProjectCreate, by, projectId, validName);
        return new OrgAnswer(OrgOutcome.Done, CreatedId: projectId);
    }

    public async Task<OrgAnswer> DeleteProjectAsync(string projectId, AuditContext by)
    {
        if (Refusal(by, OrgRole.Admin) is { } refused)
        {
            return refused;
        }

        if (!Org.ProjectIds.Remove(projectId))
        {
            return OrgAnswer.NotFound;
        }

        await ChangeAsync(AuditActions.ProjectDelete, by, projectId);
        return OrgAnswer.Done;
    }

    /// <summary>Stores the change with its audit entry in one write, then runs what follows from it.</summary>
    private async Task ChangeAsync(string action, AuditContext by, string target, string? detail = null)
    {
        Org.PendingAudit.Add(AuditOutbox.Entry(OrgId, by, action, target, Now, detail));
        await state.WriteStateAsync();
        await FinishAsync();
    }

    /// <summary>Runs the effects of the pending entries, in order, then forwards them to the audit log.</summary>
    private async Task FinishAsync()
    {
        foreach (var entry in Org.PendingAudit.ToList())
        {
            await EffectOfAsync(entry);
        }

        await AuditOutbox.ForwardAsync(GrainFactory, Org.PendingAudit);
    }

    private Task EffectOfAsync(AuditEntry entry) => entry.Action switch
    {
        AuditActions.ProjectCreate => Project(entry.Target).CreateInOrgAsync(OrgId, entry.Detail ?? entry.Target),
        AuditActions.ProjectDelete => Project(entry.Target).DeleteAsync(),
        AuditActions.MemberJoin => User(entry.Target).AddOrgAsync(OrgId),
        AuditActions.MemberLeave or AuditActions.MemberRemove => User(entry.Target).RemoveOrgAsync(OrgId),
        AuditActions.OrgDelete => Task.WhenAll(
            Org.Members.Keys.Select(userId => User(userId).RemoveOrgAsync(OrgId))
                .Concat(Org.ProjectIds.Select(projectId => Project(projectId).DeleteAsync()))),
        _ => Task.CompletedTask,
    };

    private IProjectGrain Project(string projectId) => GrainFactory.GetGrain<IProjectGrain>(projectId);

    private IUserGrain User(string userId) => GrainFactory.GetGrain<IUserGrain>(userId);

    private OrgRole? RoleOf(string userId) => Exists && Org.Members.TryGetValue(userId, out var member) ? member.Role : null;

    /// <summary>Null when the actor may do what needs <paramref name="minimum"/>; a non-member hears "not found", so ids do not leak.</summary>
    private OrgAnswer? Refusal(AuditContext by, OrgRole minimum)
    {
        ArgumentNullException.ThrowIfNull(by);
        return RoleOf(by.ActorUserId) switch
        {
            null => OrgAnswer.NotFound,
            { } role when role < minimum => OrgAnswer.Forbidden($"This needs the {minimum.ToString().ToLowerInvariant()} role or a higher one."),
            _ => null,
        };
    }

    private int Owners => Org.Members.Values.Count(m => m.Role == OrgRole.Owner);

    private OrgView View() => new(
        OrgId, Org.Name,
        [.. Org.Members.OrderBy(m => m.Value.JoinedAt).Select(m => new OrgMember(m.Key, m.Value.Email, m.Value.Role, m.Value.JoinedAt))],
        [.. Org.ProjectIds], Org.CreatedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organisation {OrgId}: the effects of its last change did not all run; they run again at its next change")]
    private partial void LogFinishFailed(Exception exception, string orgId);
}
