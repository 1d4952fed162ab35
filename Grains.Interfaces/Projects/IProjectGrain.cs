using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Models;
using Orleans.Concurrency;

namespace CallPing.Grains.Interfaces.Projects;

/// <summary>A project: its on-call contacts in order, escalation policy and API keys. Key: the project id.</summary>
[Alias("callping.IProjectGrain")]
public interface IProjectGrain : IGrainWithStringKey
{
    /// <summary>Creates the project; fails when it exists already.</summary>
    [Alias("Create")]
    Task<ProjectView> CreateAsync(CreateProjectRequest request);

    /// <summary>Creates the project in an organisation (called by the organisation); a no-op when it exists in that organisation.</summary>
    [Alias("CreateInOrg")]
    Task CreateInOrgAsync(string orgId, string name);

    /// <summary>The organisation the project belongs to; null for an operator's project or one that does not exist.</summary>
    [Alias("GetOrgId"), ReadOnly]
    Task<string?> GetOrgIdAsync();

    /// <summary>Renames the project.</summary>
    [Alias("Rename")]
    Task RenameAsync(string name);

    /// <summary>Sets the escalation policy of an organisation's project: contacts (members' phone numbers) in call order, timings, repeats.</summary>
    [Alias("SetPolicy")]
    Task SetPolicyAsync(EscalationPolicy policy, IReadOnlyList<PolicyContact> contacts);

    /// <summary>Deletes the project: its API keys stop working, its open alerts are resolved and its state is gone. A no-op when it does not exist.</summary>
    [Alias("Delete")]
    Task DeleteAsync();

    /// <summary>
    /// Issues a new API key ("cp_live_..."); the full key is in the answer only, the project keeps its hash. With
    /// <paramref name="by"/>, an organisation's project stores the audit row with the key.
    /// </summary>
    [Alias("IssueApiKey")]
    Task<IssuedApiKey> IssueApiKeyAsync(string label, AuditContext? by = null);

    /// <summary>
    /// Revokes a live API key by its id: it stops authenticating at once. Answers the key's hash, or null when the
    /// project has no live key of that id (unknown, or revoked already). With <paramref name="by"/>, an organisation's
    /// project stores the audit row with the revocation.
    /// </summary>
    [Alias("RevokeApiKey")]
    Task<string?> RevokeApiKeyAsync(string keyId, AuditContext? by = null);

    /// <summary>Sets the voice (an espeak-ng voice such as en, uk, de, es, fr) and speed its calls speak with.</summary>
    [Alias("SetSpeech")]
    Task<ProjectView> SetSpeechAsync(ProjectSpeech speech);

    /// <summary>The contacts and policy a new alert copies, or null when the project does not exist. Read-only, so a storm's alerts read it side by side.</summary>
    [Alias("GetEscalation"), ReadOnly]
    Task<ProjectEscalation?> GetEscalationAsync();

    /// <summary>The project, or null when it does not exist.</summary>
    [Alias("Get")]
    Task<ProjectView?> GetAsync();
}
