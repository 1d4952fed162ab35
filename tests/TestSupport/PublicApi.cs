using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CallPing.Grains.Interfaces.Models;
using CallPing.WebFrontend.Admin;
using CallPing.WebFrontend.Intake;
using Xunit;

namespace CallPing.TestSupport;

/// <summary>
/// A monitoring system's view of one web process: the admin API to create a project, then the public alert API with
/// the project's key. Its own HTTP client, with room for many requests at once and for a slow machine.
/// </summary>
public sealed class PublicApi : IDisposable
{
    public const string AdminToken = "cluster-tests-admin-token";

    private readonly HttpClient _http;

    public PublicApi(HostProcess host, string? apiKey = null)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = host.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (apiKey is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    /// <summary>POST /admin/projects; returns the project with its API key.</summary>
    public async Task<CreatedProject> CreateProjectAsync(string name, string[] contacts, int ringTimeoutSeconds, int stepDelaySeconds, int repeats)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/projects")
        {
            Content = JsonContent.Create(new CreateProjectBody(name, contacts, ringTimeoutSeconds, stepDelaySeconds, repeats)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /admin/projects: {(int)response.StatusCode} {body}");
        return System.Text.Json.JsonSerializer.Deserialize<CreatedProject>(body, System.Text.Json.JsonSerializerOptions.Web)!;
    }

    /// <summary>Revokes the project's first API key through the admin API.</summary>
    public async Task RevokeFirstKeyAsync(string projectId)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/admin/projects/{projectId}");
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        using var project = await _http.SendAsync(get);
        project.EnsureSuccessStatusCode();
        var keyId = (await project.Content.ReadFromJsonAsync<ProjectView>())!.ApiKeys[0].KeyId;
        using var revoke = new HttpRequestMessage(HttpMethod.Post, $"/admin/projects/{projectId}/keys/{keyId}/revoke");
        revoke.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        using var revoked = await _http.SendAsync(revoke);
        Assert.True(revoked.StatusCode == HttpStatusCode.NoContent, $"revoke: {(int)revoked.StatusCode}");
    }

    /// <summary>POST /api/v1/alerts with a trigger; the status code, and the answer when it is 202.</summary>
    public async Task<(HttpStatusCode Status, IntakeResponse? Accepted)> TriggerAsync(string dedupKey, string summary)
    {
        using var response = await _http.PostAsJsonAsync("/api/v1/alerts", new { summary, dedupKey, severity = "critical", action = "trigger" });
        return (response.StatusCode, response.StatusCode == HttpStatusCode.Accepted ? await response.Content.ReadFromJsonAsync<IntakeResponse>() : null);
    }

    /// <summary>Like <see cref="TriggerAsync"/>, but anything other than 202 fails the test.</summary>
    public async Task<IntakeResponse> TriggerAcceptedAsync(string dedupKey, string summary)
    {
        var (status, accepted) = await TriggerAsync(dedupKey, summary);
        Assert.True(status == HttpStatusCode.Accepted, $"trigger {dedupKey}: {(int)status}");
        return accepted!;
    }

    /// <summary>GET /api/v1/alerts/{id}; null when the API answers 404.</summary>
    public async Task<AlertView?> GetAlertAsync(string alertId)
    {
        using var response = await _http.GetAsync($"/api/v1/alerts/{Uri.EscapeDataString(alertId)}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<AlertView>();
    }

    /// <summary>POST /api/v1/alerts/{id}/resolve; the alert as it stands after, and anything other than 200 fails the test.</summary>
    public async Task<AlertView> ResolveAsync(string alertId)
    {
        using var response = await _http.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString(alertId)}/resolve", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"resolve {alertId}: {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<AlertView>())!;
    }

    public void Dispose() => _http.Dispose();
}
