using CallPing.TestSupport;

namespace CallPing.Grains.Tests.Infrastructure;

/// <summary>Each test gets its own silo on a fresh SQLite file, so that routers and PBXes start from nothing.</summary>
public abstract class SiloTest(TestPbxFleet fleet) : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private readonly string _serviceId = $"grains-tests-{Guid.NewGuid():N}";
    private GrainSilo? _silo;

    protected TestPbxFleet Fleet => fleet;

    protected GrainSilo Silo => _silo ?? throw new InvalidOperationException("The silo is not running.");

    public async Task InitializeAsync() => _silo = await GrainSilo.StartAsync(_data.Path, _serviceId, fleet);

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        _data.Dispose();
    }

    /// <summary>Stops the silo and starts a new one on the same database file and service id, as after a process restart.</summary>
    protected async Task RestartSiloAsync()
    {
        var time = Silo.Time;
        await Silo.DisposeAsync();
        _silo = null;
        _silo = await GrainSilo.StartAsync(_data.Path, _serviceId, fleet, time);
    }
}
