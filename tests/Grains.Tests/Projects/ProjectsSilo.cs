using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Tests.Infrastructure;
using CallPing.TestSupport;

namespace CallPing.Grains.Tests.Projects;

/// <summary>
/// One real silo for the project tests, on its own SQLite file, which the tests also read to see what was stored.
/// Each test uses its own project ids, keys and numbers, so the tests do not see each other's grains.
/// </summary>
public sealed class ProjectsSilo : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private GrainSilo? _silo;

    public GrainSilo Silo => _silo ?? throw new InvalidOperationException("The silo is not running.");

    public IProjectGrain Project(string projectId) => Silo.Grains.GetGrain<IProjectGrain>(projectId);

    public IApiKeyGrain ApiKey(string hash) => Silo.Grains.GetGrain<IApiKeyGrain>(hash);

    public INumberGrain Number(string number) => Silo.Grains.GetGrain<INumberGrain>(number);

    public async Task InitializeAsync() => _silo = await GrainSilo.StartAsync(_data.Path, $"projects-{Guid.NewGuid():N}", TestPbxFleet.OnePerProvider(5));

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        _data.Dispose();
    }

    /// <summary>Every stored grain state row.</summary>
    public Task<List<StoredRow>> StoredRowsAsync() => Silo.StoredRowsAsync();

    /// <summary>The stored row of one grain state, or null when it has none.</summary>
    public Task<StoredRow?> StoredRowAsync(string stateName, string key) => Silo.StoredRowAsync(stateName, key);
}
