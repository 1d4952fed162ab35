using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;
using CallPing.TestSupport.Pbx;

namespace CallPing.Bench;

/// <summary>
/// The storm: a datacentre falls over and 10,000 new alerts of 100 projects arrive as fast as 64 keep-alive
/// connections send them. Every alert must be accepted (no 5xx), none lost, and each one's first call placed (each
/// project calls its own number, so the per-number limit does not hold calls back) within 60 s of the first trigger.
/// </summary>
public static class StormBenchmark
{
    private const int Connections = 64;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(bool postgres, int projects, int alerts)
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        var numbers = Enumerable.Range(0, projects).Select(i => $"+1555020{i:0000}").ToList();
        numbers.ForEach(n => fleet.Script(n, PhoneScript.Busy()));
        var server = postgres ? new PostgresServer { Durable = true } : null;
        await (server?.InitializeAsync() ?? Task.CompletedTask);
        try
        {
            var settings = fleet.Settings();
            if (server is not null)
            {
                settings["Storage:Provider"] = "Postgres";
                settings["Storage:ConnectionString"] = await server.CreateDatabaseAsync();
            }

            await using var silo = await BenchSilo.StartAsync(settings, [numbers[0]]);
            var keys = new List<string> { silo.ApiKey };
            for (var i = 1; i < projects; i++)
            {
                keys.Add(await silo.CreateProjectAsync($"storm-{i}", [numbers[i]]));
            }

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections }) { BaseAddress = silo.Process.BaseAddress };
            await silo.WaitUntilRingingAsync(fleet, http);

            var statuses = new ConcurrentDictionary<int, int>();
            var accepted = new ConcurrentBag<string>();
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref next); i < alerts; i = Interlocked.Increment(ref next))
                {
                    var (status, alertId) = await TriggerAsync(http, keys[i % projects], $"storm-{i}");
                    statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                    if (alertId is not null)
                    {
                        accepted.Add(alertId);
                    }
                }
            })));
            var allAnswered = clock.Elapsed;
            var ids = accepted.ToHashSet(StringComparer.Ordinal);
            // Alerts not called within three deadlines after the last answer are reported as never called.
            while (CalledAlerts(fleet, ids) < ids.Count && clock.Elapsed - allAnswered < Deadline * 3)
            {
                await Task.Delay(200);
            }

            var placed = CalledAlerts(fleet, ids);
            var allPlacedAt = clock.Elapsed;

            var store = postgres ? "PostgreSQL" : "SQLite";
            Console.WriteLine($"| storm on {store}: {alerts:N0} alerts of {projects} projects over {Connections} connections | all answered in {allAnswered.TotalSeconds:0.0} s " +
                $"({alerts / allAnswered.TotalSeconds:0} alerts/s); answers {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"))} |");
            Console.WriteLine($"| storm on {store}: first calls placed | {placed:N0} of {ids.Count:N0} accepted alerts, the last {allPlacedAt.TotalSeconds:0.0} s after the first trigger " +
                $"({(allPlacedAt <= Deadline && placed == ids.Count ? "within" : "NOT within")} 60 s); {ids.Count - placed} accepted alerts never called |");
        }
        finally
        {
            await (server?.DisposeAsync() ?? Task.CompletedTask);
        }
    }

    private static async Task<(int Status, string? AlertId)> TriggerAsync(HttpClient http, string key, string dedupKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts")
        {
            Content = JsonContent.Create(new { summary = "Datacentre down", severity = "critical", action = "trigger", dedupKey }),
        };
        request.Headers.Authorization = new("Bearer", key);
        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.Accepted
                ? (202, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetString())
                : ((int)response.StatusCode, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, null);
        }
    }

    /// <summary>How many of the alerts have had a first originate on some PBX (channel ids are "{alertId}-{call}-{try}").</summary>
    private static int CalledAlerts(SimulatorFleet fleet, HashSet<string> alertIds) =>
        fleet.Pbxes.SelectMany(p => p.Log.Originates).Select(o => o.ChannelId[..o.ChannelId.IndexOf('-', StringComparison.Ordinal)])
            .Where(alertIds.Contains).Distinct(StringComparer.Ordinal).Count();
}
