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

    /// <summary>Issues a new API key ("cp_live_..."); the full key is in the answer only, the project keeps its hash.</summary>
    [Alias("IssueApiKey")]
    Task<IssuedApiKey> IssueApiKeyAsync(string label);

    /// <summary>Revokes an API key by its id; it stops authenticating at once.</summary>
    [Alias("RevokeApiKey")]
    Task RevokeApiKeyAsync(string keyId);

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
