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
    public async Task SubmitAsync_GivenUpBeforeItsPlaceCame_StoresNothing()
    {
        var (projectId, _, _) = await app.NewProjectAsync();
        using var gate = new IntakeGate(new IntakeOptions { MaxInFlight = 1 }, app.Grains, TimeProvider.System);
        using var givenUp = new CancellationTokenSource();
        await givenUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            gate.SubmitAsync(app.Grains, Trigger(projectId, "given-up"), NullLogger.Instance, givenUp.Token));
        var next = await gate.SubmitAsync(app.Grains, Trigger(projectId, "given-up"), NullLogger.Instance, CancellationToken.None);

        Assert.True(next.Created, "the trigger given up was stored as an alert");
        Assert.Equal(1, next.Count);
    }

    private static AlertEvent Trigger(string projectId, string dedupKey) =>
        new(projectId, dedupKey, AlertAction.Trigger, "Disk full", AlertSeverity.Critical, null, null, "api");
}
