using CallPing.TestSupport;

namespace CallPing.Silo.Tests;

/// <summary>
/// One Silo process with the default settings on a data folder of its own, as <c>dotnet run --project Silo</c> leaves it
/// running, started once for the tests of a class that only need one running (a start costs a loaded machine many seconds).
/// </summary>
public sealed class RunningSilo : IAsyncLifetime
{
    private readonly TempFolder _data = new();

    public HostProcess Host { get; private set; } = null!;

    /// <summary>Its data folder: the SQLite store and the admin-token file are there.</summary>
    public string DataFolder => _data.Path;

    /// <summary>The settings it runs with: a second process given them is pointed at the same store.</summary>
    public Dictionary<string, string?> Settings() => new() { ["Storage:DataFolder"] = _data.Path };

    public async Task InitializeAsync()
    {
        Host = HostProcess.Start("Silo", Settings());
        await Host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _data.Dispose();
    }
}
