using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using CallPing.Grains.Interfaces.Models;
using CallPing.PbxSimulator.Scripting;
using CallPing.Silo.Storage;
using CallPing.TestSupport;
using CallPing.TestSupport.Pbx;
using Xunit.Abstractions;

namespace CallPing.Silo.Tests.Cluster;

/// <summary>
/// One Silo process on SQLite, killed with SIGKILL and started again on the same data folder: what was accepted is still
/// there. One process and no PostgreSQL, so it runs beside the cluster tests rather than after them.
/// </summary>
public sealed class SingleNodeRestartTests(ITestOutputHelper output) : IDisposable
{
    private const string Alice = "+15550111";
    private const string Bob = "+15550122";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task AlertWaitingForItsNextStep_SiloKilledAndRestarted_WatchdogReminderFiresAndTheNextContactIsCalled()
    {
        const int stepDelaySeconds = 20;
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(Alice, PhoneScript.Busy());
        fleet.Script(Bob, PhoneScript.AnswersAndPresses(TimeSpan.FromMilliseconds(200), "1", TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100)));
        await using var silo = await StartSiloAsync(fleet);
        string apiKey;
        using (var admin = new PublicApi(silo))
        {
            apiKey = (await admin.CreateProjectAsync("nightly", [Alice, Bob], ringTimeoutSeconds: 10, stepDelaySeconds, repeats: 1)).ApiKey;
        }

        var clock = Stopwatch.StartNew();
        string alertId;
        using (var api = new PublicApi(silo, apiKey))
        {
            alertId = (await api.TriggerAcceptedAsync("backup-failed", "Nightly backup failed")).AlertId!;
            await Eventually.ReachesAsync(() => api.GetAlertAsync(alertId), a => a!.Calls is [{ Status: CallStatus.Ended }], Within, "Alice's call over (busy)");
        }

        silo.Kill();
        await silo.WaitForExitAsync(Within);
        var killedAt = clock.Elapsed;
        var reminders = await WatchdogsOfAsync(alertId);
        silo.Restart();
        await silo.WaitUntilReadyAsync(Within);
        var restartedAt = clock.Elapsed;
        var bobRang = await Eventually.ReachesAsync(() => Task.FromResult(fleet.Pbxes.SelectMany(p => p.Log.Originates).Any(o => o.Number == Bob)),
            rang => rang, TimeSpan.FromSeconds(120), "Bob's phone ringing after the restart");
        var bobRangAt = clock.Elapsed;
        using var restarted = new PublicApi(silo, apiKey);
        var alert = await Eventually.ReachesAsync(() => restarted.GetAlertAsync(alertId), a => a!.Status == AlertStatus.Acknowledged && a.Calls.All(c => c.Status == CallStatus.Ended), Within, "alert acknowledged by Bob");

        output.WriteLine($"Alice busy; silo killed {killedAt.TotalSeconds:0.0} s after the trigger while the alert waited {stepDelaySeconds} s for its next step " +
            $"(watchdog reminders stored: {reminders}); ready again at {restartedAt.TotalSeconds:0.0} s; Bob called at {bobRangAt.TotalSeconds:0.0} s, without anyone reading the alert");
        Assert.True(bobRang);
        Assert.Equal(1, reminders);
        Assert.True(bobRangAt > restartedAt, "Bob was called before the restart");
        Assert.True(bobRangAt >= TimeSpan.FromSeconds(stepDelaySeconds), $"Bob was called {bobRangAt.TotalSeconds:0.0} s after the trigger, before the step delay");
        Assert.Equal([CallOutcome.Busy, CallOutcome.Answered], alert!.Calls.Select(c => c.Outcome!.Value));
        Assert.Single(fleet.Pbxes.SelectMany(p => p.Log.Originates), o => o.Number == Alice);
    }

    [Fact]
    public async Task OpenAlertRepeatedConcurrently_SiloKilledRightAfterTheLast202_CountAfterRestartEqualsTheTriggersAccepted()
    {
        const int triggers = 600;
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(Alice, PhoneScript.RingsWithoutAnswer());
        await using var silo = await StartSiloAsync(fleet);
        using var admin = new PublicApi(silo);
        var apiKey = (await admin.CreateProjectAsync("flapping", [Alice], ringTimeoutSeconds: 30, stepDelaySeconds: 60, repeats: 1)).ApiKey;

        using var api = new PublicApi(silo, apiKey);
        var results = await Task.WhenAll(Enumerable.Range(0, triggers).Select(_ => api.TriggerAsync("lb-flapping", "Load balancer flapping")));
        silo.Kill();
        await silo.WaitForExitAsync(Within);
        var alertId = results.First(r => r.Accepted is not null).Accepted!.AlertId!;
        long writes;
        await using (var connection = await OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            // The state's version goes up by one with every write of the alert.
            command.CommandText = "SELECT Version FROM OrleansStorage WHERE GrainTypeString = 'alert' AND GrainIdExtensionString = @alert";
            command.Parameters.AddWithValue("@alert", alertId);
            writes = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        silo.Restart();
        await silo.WaitUntilReadyAsync(Within);
        using var restarted = new PublicApi(silo, apiKey);
        var alert = await restarted.GetAlertAsync(alertId);

        output.WriteLine($"{triggers} concurrent triggers of one dedup key, killed right after the last 202: " +
            $"{results.Count(r => r.Status == System.Net.HttpStatusCode.Accepted)} accepted, the alert written {writes} times, count {alert?.Count} after the restart");
        Assert.All(results, r => Assert.Equal(System.Net.HttpStatusCode.Accepted, r.Status));
        Assert.Single(results.Select(r => r.Accepted!.AlertId).Distinct());
        Assert.Equal(triggers, alert!.Count);
        Assert.True(writes < triggers / 2, $"the repeats took {writes} writes of the alert: they were not batched");
    }

    private async Task<HostProcess> StartSiloAsync(SimulatorFleet fleet)
    {
        var settings = new Dictionary<string, string?>(fleet.Settings())
        {
            ["Storage:DataFolder"] = _data.Path,
            ["Admin:Token"] = PublicApi.AdminToken,
            ["Intake:PermitsPerSecond"] = "100000",
            ["Pbx:HealthCheckInterval"] = "00:00:00.500",
            ["Logging:LogLevel:Default"] = "Warning",
            [SiloCluster.NoConfigReload] = "false",
        };
        var silo = HostProcess.Start("Silo", settings);
        await silo.WaitUntilReadyAsync(Within);
        await WaitForHealthyFleetAsync(fleet);
        return silo;
    }

    private async Task WaitForHealthyFleetAsync(SimulatorFleet fleet)
    {
        foreach (var pbxId in Enumerable.Range(0, fleet.Pbxes.Count).Select(SimulatorFleet.IdOf))
        {
            await Eventually.ReachesAsync(async () =>
            {
                await using var connection = await OpenAsync();
                return (await StoredGrainState.ReadAsync(connection, "pbx", pbxId))?.Property("Status")?.ToString();
            }, status => status is "Healthy", Within, $"{pbxId} healthy");
        }
    }

    /// <summary>The alert's watchdog rows in OrleansRemindersTable, read while the silo is down.</summary>
    private async Task<long> WatchdogsOfAsync(string alertId)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM OrleansRemindersTable WHERE GrainId LIKE '%' || @alert AND ReminderName = 'watchdog'";
        command.Parameters.AddWithValue("@alert", alertId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_data.Path, SqliteStore.FileName),
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
