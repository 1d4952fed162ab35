using Microsoft.Extensions.Logging.Abstractions;
using CallPing.Runtime.Hosting;
using CallPing.Runtime.Leases;
using CallPing.Runtime.Membership;
using CallPing.Runtime.Storage;
using CallPing.Runtime.Tests.Infrastructure;
using CallPing.TestSupport;

namespace CallPing.Runtime.Tests;

/// <summary>Leases and membership, run once per store kind by the derived classes.</summary>
public abstract class LeaseAndMembershipTests(IStoreUnderTest store) : IAsyncLifetime
{
    private TestSilo? _silo;

    private TestSilo Silo => _silo!;

    private ILeaseTable Leases => Silo.Get<ILeaseTable>();

    public async Task InitializeAsync() => _silo = await TestSilo.StartAsync(await store.NewStoreAsync());

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    [Fact]
    public async Task Lease_HeldByOne_IsRefusedToAnother_UntilReleased()
    {
        Assert.True(await Leases.TryAcquireAsync("pbx:pbx-1", "silo-a", TimeSpan.FromSeconds(30), default));

        var takenByB = await Leases.TryAcquireAsync("pbx:pbx-1", "silo-b", TimeSpan.FromSeconds(30), default);
        var renewedByA = await Leases.TryAcquireAsync("pbx:pbx-1", "silo-a", TimeSpan.FromSeconds(30), default);
        await Leases.ReleaseAsync("pbx:pbx-1", "silo-a", default);
        var takenByBAfterRelease = await Leases.TryAcquireAsync("pbx:pbx-1", "silo-b", TimeSpan.FromSeconds(30), default);

        Assert.False(takenByB);
        Assert.True(renewedByA);
        Assert.True(takenByBAfterRelease);
        Assert.Equal("silo-b", await Leases.GetHolderAsync("pbx:pbx-1", default));
    }

    [Fact]
    public async Task Lease_NotRenewed_ExpiresAndAnotherTakesIt()
    {
        await Leases.TryAcquireAsync("singleton:retention", "silo-a", TimeSpan.FromMilliseconds(300), default);

        await Task.Delay(500);

        Assert.Null(await Leases.GetHolderAsync("singleton:retention", default));
        Assert.True(await Leases.TryAcquireAsync("singleton:retention", "silo-b", TimeSpan.FromSeconds(30), default));
    }

    [Fact]
    public async Task HeldLease_RenewsInBackground_BeyondItsDuration_AndReleasesOnDispose()
    {
        var held = await HeldLease.TryAcquireAsync(Leases, "pbx:pbx-2", "silo-a", TimeSpan.FromSeconds(3), NullLogger.Instance, default);
        Assert.NotNull(held);

        await Task.Delay(7000);
        var holderWhileRenewed = await Leases.GetHolderAsync("pbx:pbx-2", default);
        var refused = await HeldLease.TryAcquireAsync(Leases, "pbx:pbx-2", "silo-b", TimeSpan.FromSeconds(5), NullLogger.Instance, default);
        await held.DisposeAsync();
        await using var takenOver = await HeldLease.TryAcquireAsync(Leases, "pbx:pbx-2", "silo-b", TimeSpan.FromSeconds(5), NullLogger.Instance, default);

        Assert.Equal("silo-a", holderWhileRenewed);
        Assert.Null(refused);
        Assert.False(held.Lost.IsCancellationRequested);
        Assert.NotNull(takenOver);
    }

    [Fact]
    public async Task HeldLease_TakenByAnotherAfterExpiry_SignalsLost()
    {
        var held = await HeldLease.TryAcquireAsync(Leases, "pbx:pbx-3", "silo-a", TimeSpan.FromSeconds(3), NullLogger.Instance, default);
        Assert.NotNull(held);
        await Leases.ReleaseAsync("pbx:pbx-3", "silo-a", default);
        Assert.True(await Leases.TryAcquireAsync("pbx:pbx-3", "silo-b", TimeSpan.FromSeconds(30), default));

        await Eventually.ReachesAsync(() => Task.FromResult(held.Lost.IsCancellationRequested), lost => lost, TimeSpan.FromSeconds(5), "lease lost");
        await held.DisposeAsync();

        Assert.Equal("silo-b", await Leases.GetHolderAsync("pbx:pbx-3", default));
    }

    [Fact]
    public async Task Membership_ShowsRunningSiloActive_SilentOneDead_StoppedOneStopped()
    {
        var table = Silo.Get<IMembershipTable>();
        var now = DateTimeOffset.UtcNow;
        await table.HeartbeatAsync(new SiloRecord("silent", "host", 1, "Worker", now.AddMinutes(-5), now.AddMinutes(-1), null), default);
        await table.HeartbeatAsync(new SiloRecord("stopped", "host", 2, "Worker", now.AddMinutes(-5), now, null), default);
        await table.MarkStoppedAsync("stopped", default);

        var silos = (await Silo.Get<ClusterMembership>().GetSilosAsync(default)).ToDictionary(s => s.SiloId, s => s.Status);

        Assert.Equal(SiloStatus.Active, silos[Silo.Get<SiloIdentity>().Id]);
        Assert.Equal(SiloStatus.Dead, silos["silent"]);
        Assert.Equal(SiloStatus.Stopped, silos["stopped"]);
    }

    [Fact]
    public async Task Store_AfterStart_IsReadyWithEveryMigrationApplied()
    {
        var (ready, detail) = await Silo.Get<IRuntimeStore>().CheckReadyAsync(default);

        Assert.True(ready, detail);
        Assert.Contains("schema version 2", detail);
    }
}
