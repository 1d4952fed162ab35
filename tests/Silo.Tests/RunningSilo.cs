using CallPing.TestSupport;

namespace CallPing.Silo.Tests;

/// <summary>
/// One Silo process with the default settings (and a derived fixture's own) on a data folder of its own, as an operator
/// leaves it running, started once for the tests of a class that only need one running: a start costs a loaded machine
/// many seconds.
/// </summary>
public class RunningSilo : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private readonly Dictionary<string, string?> _extra;

    public RunningSilo()
        : this([])
    {
    }

    /// <summary>A running silo with settings of its own on top of the defaults.</summary>
    protected RunningSilo(Dictionary<string, string?> extra) => _extra = extra;

    public HostProcess Host { get; private set; } = null!;

    /// <summary>Its data folder: the SQLite store is there, and the admin-token file the silo writes when no Admin:Token is set.</summary>
    public string DataFolder => _data.Path;

    /// <summary>The settings it runs with: a second process given them is pointed at the same store.</summary>
    public Dictionary<string, string?> Settings() => new(_extra) { ["Storage:DataFolder"] = _data.Path };

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
