using Microsoft.Extensions.DependencyInjection;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;

namespace CallPing.Grains.Projects;

/// <summary>A project: on-call contacts in call order, escalation policy, and its API keys as hashes.</summary>
public sealed class ProjectGrain(
    [PersistentState("project", GrainStorage.Name)] IPersistentState<ProjectState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IProjectGrain
{
    private ProjectState Project => state.State;

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

    public async Task<IssuedApiKey> IssueApiKeyAsync(string label)
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
        Project.ApiKeys.Add(new StoredApiKey(keyId, validLabel, prefix, hash, time.GetUtcNow(), Revoked: false));
        await state.WriteStateAsync();
        return new IssuedApiKey(keyId, key, prefix);
    }

    public async Task RevokeApiKeyAsync(string keyId)
    {
        EnsureExists();
        var index = Project.ApiKeys.FindIndex(k => k.KeyId == keyId);
        if (index < 0)
        {
            throw new ArgumentException($"Project {this.GetPrimaryKeyString()} has no API key {keyId}.", nameof(keyId));
        }

        // The key stops working first; the project's record follows. A failure between the two leaves the key
        // refused and a retry completes the record, never the other way round.
        var stored = Project.ApiKeys[index];
        await GrainFactory.GetGrain<IApiKeyGrain>(stored.Hash).RevokeAsync();
        if (stored.Revoked)
        {
            return;
        }

        Project.ApiKeys[index] = stored with { Revoked = true };
        await state.WriteStateAsync();
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
}
