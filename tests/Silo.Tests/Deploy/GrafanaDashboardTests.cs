using System.Text.Json;
using System.Text.RegularExpressions;
using CallPing.PbxSimulator.Scripting;
using CallPing.Silo.Tests.Telemetry;
using CallPing.TestSupport;
using CallPing.TestSupport.Pbx;

namespace CallPing.Silo.Tests.Deploy;

/// <summary>
/// deploy/grafana/callping.json against a live Silo scraped by a real Prometheus: every metric a panel queries is on
/// /metrics, and every panel's query answers, once alerts have been called, one of them failed over to another trunk.
/// </summary>
public sealed partial class GrafanaDashboardTests : IDisposable
{
    private const string Alice = "+15550111";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Dashboard_EveryPanelQuery_AnswersFromALiveSiloScrapedByPrometheus()
    {
        var queries = PanelQueries();
        await using var fleet = await SimulatorFleet.StartAsync();
        // Every PBX but the last fails Alice's call on its trunk: a call that starts on one of them fails over.
        fleet.Script(Alice, PhoneScript.Busy());
        fleet.Script(Alice, PhoneScript.TrunkFailure(34), [.. Enumerable.Range(0, fleet.Pbxes.Count - 1).Select(SimulatorFleet.IdOf)]);
        await using var silo = HostProcess.Start("Silo", new Dictionary<string, string?>(fleet.Settings())
        {
            ["Storage:DataFolder"] = _data.Path,
            ["Admin:Token"] = PublicApi.AdminToken,
            ["Pbx:HealthCheckInterval"] = "00:00:00.500",
        });
        await silo.WaitUntilReadyAsync(Within);
        using var admin = new PublicApi(silo);
        var project = await admin.CreateProjectAsync("grafana", [Alice], ringTimeoutSeconds: 10, stepDelaySeconds: 60, repeats: 1);
        using var prometheus = new PrometheusServer(silo.BaseAddress);
        await prometheus.WaitUntilScrapingAsync();
        await Eventually.ReachesAsync(() => prometheus.ValueAsync("count(callping_pbx_health{status=\"healthy\"} == 1)"), n => n == fleet.Pbxes.Count, Within,
            "every PBX healthy");

        using var api = new PublicApi(silo, project.ApiKey);
        for (var i = 0; i < 3; i++)
        {
            await api.TriggerAcceptedAsync($"grafana-{i}", "Disk full on db-1");
        }

        await Eventually.ReachesAsync(() => prometheus.ValueAsync("sum(callping_trunk_failovers_total)"), n => n >= 1, Within, "a trunk failover counted");
        var answers = new Dictionary<PanelQuery, int>();
        foreach (var query in queries)
        {
            answers[query] = (await Eventually.ReachesAsync(() => prometheus.QueryAsync(query.Expression), series => series.Count > 0, Within, $"an answer to {query}")).Count;
        }

        // Read after every panel answered: a histogram such as the first-ring time appears only once a call has rung.
        var metrics = await silo.Http.GetStringAsync("/metrics");

        Assert.Equal(5, queries.Select(q => q.Panel).Distinct().Count());
        Assert.All(queries.SelectMany(q => MetricName().Matches(q.Expression)).Select(m => m.Value),
            name => Assert.Contains($"\n{name}{{", metrics, StringComparison.Ordinal));
        Assert.All(queries, q => Assert.True(answers[q] > 0, q.ToString()));
    }

    private static List<PanelQuery> PanelQueries()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "grafana", "callping.json")));
        // Grafana fills in $__rate_interval; Prometheus is asked for the same window as Grafana's default for a 1 s scrape.
        return [.. dashboard.RootElement.GetProperty("panels").EnumerateArray().SelectMany(panel => panel.GetProperty("targets").EnumerateArray()
            .Select(target => new PanelQuery(panel.GetProperty("title").GetString()!,
                target.GetProperty("expr").GetString()!.Replace("$__rate_interval", "1m", StringComparison.Ordinal))))];
    }

    private sealed record PanelQuery(string Panel, string Expression);

    [GeneratedRegex(@"\bcallping_[a-z_]+\b")]
    private static partial Regex MetricName();
}
