using CallPing.Grains.Interfaces.Models;
using CallPing.WebFrontend.Intake;
using CallPing.WebFrontend.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallPing.WebFrontend.Tests.Intake;

/// <summary>The places for alerts in flight (Intake:MaxInFlight), against the real dedup grains of the shared app's silo.</summary>
[Collection(SharedIntakeApp.Name)]
public sealed class IntakeGateTests(SharedIntakeApp.App app)
{
    [Fact]
    public async Task SubmitAsync_TwentyAtOnceThroughOnePlace_EveryOneStoredAsItsOwnAlert()
    {
        var (projectId, _, _) = await app.NewProjectAsync();
        using var gate = new IntakeGate(new IntakeOptions { MaxInFlight = 1 }, app.Grains, TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            gate.SubmitAsync(app.Grains, Trigger(projectId, $"storm-{i}"), NullLogger.Instance, CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.Created));
        Assert.Equal(20, results.Select(r => r.AlertId).Distinct().Count());
    }

    [Fact]
    public async Task SubmitAsync_EveryPlaceTaken_WaitsUntilOneIsFree()
    {
        var (projectId, _, _) = await app.NewProjectAsync();
        using var gate = new IntakeGate(new IntakeOptions { MaxInFlight = 1 }, app.Grains, TimeProvider.System);
        var held = await gate.EnterAsync(CancellationToken.None);

        var waiting = gate.SubmitAsync(app.Grains, Trigger(projectId, "waits"), NullLogger.Instance, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(waiting.IsCompleted, "a submission went ahead while every place was taken");
        held.Dispose();

        Assert.True((await waiting.WaitAsync(TimeSpan.FromSeconds(30))).Created);
    }

    [Fact]
    public async Task SubmitAsync_GivenUpWhileWaitingForAPlace_StoresNothing()
    {
        var (projectId, _, _) = await app.NewProjectAsync();
        using var gate = new IntakeGate(new IntakeOptions { MaxInFlight = 1 }, app.Grains, TimeProvider.System);
        var held = await gate.EnterAsync(CancellationToken.None);
        using var givenUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            gate.SubmitAsync(app.Grains, Trigger(projectId, "given-up"), NullLogger.Instance, givenUp.Token));
        held.Dispose();
        var next = await gate.SubmitAsync(app.Grains, Trigger(projectId, "given-up"), NullLogger.Instance, CancellationToken.None);

        Assert.True(next.Created, "the trigger given up was stored as an alert");
        Assert.Equal(1, next.Count);
    }

    private static AlertEvent Trigger(string projectId, string dedupKey) =>
        new(projectId, dedupKey, AlertAction.Trigger, "Disk full", AlertSeverity.Critical, null, null, "api");
}
