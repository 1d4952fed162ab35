using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CallPing.Grains.Audit;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;

namespace CallPing.Grains.Projects;

/// <summary>A project: on-call contacts in call order, escalation policy, and its API keys as hashes.</summary>
public sealed partial class ProjectGrain(
    [PersistentState("project", GrainStorage.Name)] IPersistentState<ProjectState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<ProjectGrain> logger) : Grain, IProjectGrain
{
    private ProjectState Project => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await AuditOutbox.ForwardAsync(GrainFactory, Project.PendingAudit);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Left pending for the next key change or activation: alerts read this project, and must not wait on its audit log.
            LogForwardFailed(e, this.GetPrimaryKeyString());
        }
    }

    public async Task<ProjectView> CreateAsync(CreateProjectRequest request)
    {
        var (name, contacts, policy) = ProjectRules.Validate(request);
        if (state.RecordExists)
        {
            throw new InvalidOperationException($"Project {this.GetPrimaryKeyString()} exists already.");
        }

        Project.Name = name;
        Project.Contacts = contacts;
        Project.Policy = policy;
        Project.CreatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return await ViewAsync();
    }

    public async Task CreateInOrgAsync(string orgId, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        var validName = ProjectRules.ValidName(name);
        if (state.RecordExists)
        {
            if (Project.OrgId != orgId)
            {
                throw new InvalidOperationException($"Project {this.GetPrimaryKeyString()} exists already.");
            }

            return;
        }

        Project.OrgId = orgId;
        Project.Name = validName;
        Project.CreatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
    }

    public Task<string?> GetOrgIdAsync() => Task.FromResult(state.RecordExists ? Project.OrgId : null);

    public async Task RenameAsync(string name)
    {
        var validName = ProjectRules.ValidName(name);
        EnsureExists();
        Project.Name = validName;
        await state.WriteStateAsync();
    }

    public async Task SetPolicyAsync(EscalationPolicy policy, IReadOnlyList<PolicyContact> contacts)
    {
        var validPolicy = ProjectRules.ValidPolicy(policy);
        var validContacts = ProjectRules.ValidPolicyContacts(contacts);
        EnsureExists();
        if (Project.OrgId is null)
        {
            throw new InvalidOperationException($"Project {this.GetPrimaryKeyString()} belongs to no organisation: its contacts are numbers.");
        }

        Project.Policy = validPolicy;
        Project.PolicyContacts = validContacts;
        await state.WriteStateAsync();
    }

    public async Task DeleteAsync()
    {
        if (!state.RecordExists)
        {
            return;
        }

        // Keys stop working first, so that no new alert arrives for a project that is going; then its open alerts are
        // resolved (an alert raised meanwhile resolves itself when it reports to the closed index), so nobody is called.
        await Task.WhenAll(Project.ApiKeys.Select(k => GrainFactory.GetGrain<IApiKeyGrain>(k.Hash).RevokeAsync()));
        await GrainFactory.GetGrain<IAlertIndexGrain>(this.GetPrimaryKeyString()).CloseAsync();
        await state.ClearStateAsync();
    }

    public async Task<IssuedApiKey> IssueApiKeyAsync(string label, AuditContext? by = null)
    {
        var validLabel = ProjectRules.ValidLabel(label);
        EnsureExists();

        var key = ApiKeys.Generate();
        var hash = ApiKeys.HashOf(key);
        var keyId = ApiKeys.NewKeyId();
        var prefix = ApiKeys.ShownPrefixOf(key);
        // The key's grain is bound before the project lists the key, so a key that is handed out always works.
        // Should the project's write fail, the bound hash belongs to a key nobody has ever seen.
        await GrainFactory.GetGrain<IApiKeyGrain>(hash).RegisterAsync(this.GetPrimaryKeyString(), keyId);
        var createdAt = time.GetUtcNow();
        Project.ApiKeys.Add(new StoredApiKey(keyId, validLabel, prefix, hash, createdAt, Revoked: false));
        await WriteWithAuditAsync(AuditActions.ApiKeyCreate, by, keyId);
        return new IssuedApiKey(keyId, key, prefix, validLabel, createdAt);
    }

    public async Task<string?> RevokeApiKeyAsync(string keyId, AuditContext? by = null)
    {
        EnsureExists();
        var index = Project.ApiKeys.FindIndex(k => k.KeyId == keyId && !k.Revoked);
        if (index < 0)
        {
            return null;
        }

        // The key stops working first; the project's record and its audit row follow in one write. A failure between
        // the two leaves the key refused and still listed, and a retry completes the record, never the other way round.
        var stored = Project.ApiKeys[index];
        await GrainFactory.GetGrain<IApiKeyGrain>(stored.Hash).RevokeAsync();
        Project.ApiKeys[index] = stored with { Revoked = true };
        await WriteWithAuditAsync(AuditActions.ApiKeyRevoke, by, keyId);
        return stored.Hash;
    }

    /// <summary>
    /// Stores the change, with its audit entry when a person made it in an organisation's project, then forwards the
    /// entry to the organisation's log (again on activation, should this forwarding fail: <see cref="AuditOutbox"/>).
    /// </summary>
    private async Task WriteWithAuditAsync(string action, AuditContext? by, string keyId)
    {
        if (by is not null && Project.OrgId is { } orgId)
        {
            Project.PendingAudit.Add(AuditOutbox.Entry(orgId, by, action, keyId, time.GetUtcNow(), this.GetPrimaryKeyString()));
        }

        await state.WriteStateAsync();
        await AuditOutbox.ForwardAsync(GrainFactory, Project.PendingAudit);
    }

    public async Task<ProjectView> SetSpeechAsync(ProjectSpeech speech)
    {
        var valid = ProjectRules.ValidSpeech(speech);
        EnsureExists();
        Project.Speech = valid;
        await state.WriteStateAsync();
        return await ViewAsync();
    }

    public Task<ProjectEscalation?> GetEscalationAsync() =>
        Task.FromResult(state.RecordExists
            ? new ProjectEscalation([.. Project.Contacts], Project.Policy, Project.Name, Project.Speech ?? ProjectSpeech.Default, [.. Project.PolicyContacts])
            : null);

    public async Task<ProjectView?> GetAsync() => state.RecordExists ? await ViewAsync() : null;

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw new InvalidOperationException($"Project {this.GetPrimaryKeyString()} does not exist.");
        }
    }

    private async Task<ProjectView> ViewAsync()
    {
        // The key grains hold the last use, because intake records it there without touching the project.
        var lastUses = await Task.WhenAll(Project.ApiKeys.Select(k => GrainFactory.GetGrain<IApiKeyGrain>(k.Hash).GetLastUsedAtAsync()));
        var keys = Project.ApiKeys
            .Select((k, i) => new ApiKeyView(k.KeyId, k.Label, k.Prefix, k.CreatedAt, lastUses[i], k.Revoked))
            .ToList();
        return new ProjectView(this.GetPrimaryKeyString(), Project.Name, [.. Project.Contacts], Project.Policy, keys, Project.CreatedAt,
            Project.Speech ?? ProjectSpeech.Default, Project.OrgId, Project.OrgId is null ? null : [.. Project.PolicyContacts]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Project {ProjectId}: its pending audit rows did not reach the organisation's log; they are sent again at its next key change")]
    private partial void LogForwardFailed(Exception exception, string projectId);
}
