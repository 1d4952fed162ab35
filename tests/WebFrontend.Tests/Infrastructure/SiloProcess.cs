using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using CallPing.TestSupport;

namespace CallPing.WebFrontend.Tests.Infrastructure;

/// <summary>
/// The real Silo process behind Kestrel, shared by a test class, with a project, its API key and one open alert.
/// </summary>
public sealed class SiloProcess : IAsyncLifetime
{
    public const string AdminToken = "broken-body-tests-admin-token";

    private readonly TempFolder _data = new();

    public HostProcess Host { get; private set; } = null!;

    public string ApiKey { get; private set; } = "";

    public string AlertId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Host = HostProcess.Start("Silo", new Dictionary<string, string?> { ["Storage:DataFolder"] = _data.Path, ["Admin:Token"] = AdminToken });
        await Host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var create = new HttpRequestMessage(HttpMethod.Post, "/admin/projects")
        {
            Content = JsonContent.Create(new { name = "broken bodies", contacts = new[] { "+15550100" } }),
        };
        create.Headers.Authorization = new("Bearer", AdminToken);
        using var created = await Host.Http.SendAsync(create);
        ApiKey = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        using var trigger = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts")
        {
            Content = JsonContent.Create(new { summary = "Open alert", severity = "critical", action = "trigger" }),
        };
        trigger.Headers.Authorization = new("Bearer", ApiKey);
        using var accepted = await Host.Http.SendAsync(trigger);
        AlertId = (await accepted.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetString()!;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    /// <summary>The seeded alert's status as the API shows it.</summary>
    public async Task<string> AlertStatusAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/alerts/{AlertId}");
        request.Headers.Authorization = new("Bearer", ApiKey);
        using var response = await Host.Http.SendAsync(request);
        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;
    }

    /// <summary>POST requests the server finished with a status starting with <paramref name="statusPrefix"/>, from its /metrics.</summary>
    public async Task<double> PostsAnsweredAsync(string statusPrefix)
    {
        var metrics = await Host.Http.GetStringAsync("/metrics");
        return metrics.Split('\n')
            .Where(l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
                && l.Contains("http_request_method=\"POST\"", StringComparison.Ordinal)
                && l.Contains($"http_response_status_code=\"{statusPrefix}", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>Rows of projects, API keys, alerts and dedup entries in the silo's store, read beside it (SQLite lets a reader in).</summary>
    public async Task<long> StoredRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "callping.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM OrleansStorage WHERE GrainTypeString IN ('project', 'apikey', 'alert', 'dedup')";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
