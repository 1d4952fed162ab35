using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CallPing.TestSupport;

namespace CallPing.Silo.Tests.Logging;

/// <summary>
/// The built Silo run as an operator runs it (its own appsettings.json, so JSON logs), with one alert raised through
/// the admin and intake APIs and called through the simulated fleet until the phone has answered.
/// </summary>
public sealed class LoggedAlertRun : IAsyncLifetime
{
    public const string Number = "+15550177001";
    private const string AdminToken = "logging-tests-admin-token";
    private readonly TempFolder _data = new();

    public HostProcess Silo { get; private set; } = null!;

    public string AlertId { get; private set; } = "";

    public IReadOnlyList<LogLine> Lines => [.. Silo.Output.Split(Environment.NewLine).Where(l => l.Length > 0).Select(LogLine.Parse)];

    public async Task InitializeAsync()
    {
        Silo = HostProcess.Start("Silo", new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = _data.Path,
            ["Admin:Token"] = AdminToken,
        });
        await Silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        using var admin = new HttpRequestMessage(HttpMethod.Post, "/admin/projects") { Content = JsonContent.Create(new { name = "logging", contacts = new[] { Number } }) };
        admin.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        using var created = await Silo.Http.SendAsync(admin);
        var apiKey = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString();

        using var trigger = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts")
        {
            Content = JsonContent.Create(new { summary = "Disk full on db-1", severity = "critical", action = "trigger", dedupKey = "disk-db-1" }),
        };
        trigger.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var accepted = await Silo.Http.SendAsync(trigger);
        AlertId = (await accepted.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetString()!;

        await Eventually.ReachesAsync(() => Task.FromResult(Silo.Output), output => output.Contains(" answered", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the simulated phone answering");
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        _data.Dispose();
    }
}
