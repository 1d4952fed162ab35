using CallPing.Grains.Alerts;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Projects;
using CallPing.Grains.Tests.Infrastructure;
using CallPing.TestSupport;

namespace CallPing.Grains.Tests.Alerts;

/// <summary>No PBX can place a call: CallPing's failure, not the person's, so the same person is tried again before the escalation moves on.</summary>
public sealed class NoPbxAvailableTests(UnconfiguredFleetSilo fixture) : IClassFixture<UnconfiguredFleetSilo>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    private GrainSilo Silo => fixture.Silo;

    [Fact]
    public async Task OnCallEnded_NoPbxAvailable_SamePersonTriedAgainThenTheNextAfterTheStepDelay()
    {
        var (alice, bob) = ($"+1555{Random.Shared.Next(1_000_000, 10_000_000)}", $"+1555{Random.Shared.Next(1_000_000, 10_000_000)}");
        var projectId = $"p-{Guid.NewGuid():N}";
        await Silo.Grains.GetGrain<IProjectGrain>(projectId).CreateAsync(new CreateProjectRequest("No PBX", [alice, bob], EscalationTest.Policy));
        var alertId = $"a{Guid.NewGuid():N}";
        await Silo.Grains.GetGrain<IAlertGrain>(alertId).TriggerAsync(
            new AlertTrigger(projectId, "disk", "Disk full on db-1", AlertSeverity.Critical, null, null, "api"));

        var waits = new List<TimeSpan>();
        for (var retry = 1; retry <= AlertGrain.NoPbxRetries + 1; retry++)
        {
            waits.Add(await NextStepWaitAsync(alertId));
            Silo.Time.Advance(waits[^1]);
            await Eventually.ReachesAsync(() => CallsAsync(alertId), calls => calls.Count == retry + 1, Within, $"call {retry + 1}");
        }

        var alert = (await Silo.Grains.GetGrain<IAlertGrain>(alertId).GetAsync())!;
        await Silo.Grains.GetGrain<IAlertGrain>(alertId).ResolveAsync("test over");
        Assert.Equal([.. Enumerable.Repeat(AlertGrain.NoPbxRetryDelay, AlertGrain.NoPbxRetries), EscalationTest.Policy.StepDelay], waits);
        Assert.All(alert.Calls, call => Assert.Equal(CallStatus.NoPbxAvailable, call.Status));
        Assert.All(alert.Calls, call => Assert.StartsWith("no PBX available", call.Refusal));
        Assert.All(alert.Calls, call => Assert.Empty(call.Tries));
        Assert.Equal(Enumerable.Repeat(alertId, AlertGrain.NoPbxRetries + 1), await ReservedForAsync(alice));
        Assert.Equal([alertId], await ReservedForAsync(bob));
        var notes = (await Silo.StoredStateAsync<AlertState>("alert", alertId))!.Notes;
        // Alice's first three calls were tried again; her fourth moved on to bob, whose first call is tried again too.
        var retried = notes.Where(n => n.StartsWith("no PBX available for call ", StringComparison.Ordinal)).Select(n => n.Split(' ')[5].TrimEnd(':'));
        Assert.Equal([$"{alertId}-1", $"{alertId}-2", $"{alertId}-3", $"{alertId}-5"], retried);
    }

    private async Task<IReadOnlyList<CallView>> CallsAsync(string alertId) =>
        (await Silo.Grains.GetGrain<IAlertGrain>(alertId).GetAsync())!.Calls;

    /// <summary>Waits until the alert waits for its next step, and returns how long that wait is.</summary>
    private async Task<TimeSpan> NextStepWaitAsync(string alertId)
    {
        var stored = await Eventually.ReachesAsync(() => Silo.StoredStateAsync<AlertState>("alert", alertId),
            a => a is { CurrentCallId: null, NextStepAt: not null }, Within, "waiting for the next step");
        return stored!.NextStepAt!.Value - Silo.Time.GetUtcNow();
    }

    /// <summary>Which alerts the number's calls were reserved for: one reservation per call placed to it.</summary>
    private async Task<IEnumerable<string>> ReservedForAsync(string number) =>
        (await Silo.StoredStateAsync<NumberState>("number", (await Silo.NumberGrainAsync(number)).GetPrimaryKeyString()))?
            .Reservations.Select(r => r.AlertId) ?? [];
}
