namespace CallPing.RealPbx.Tests.Infrastructure;

/// <summary>A rig shared by the tests of one class; nothing starts when the tier is skipped.</summary>
public abstract class RigFixture : IAsyncLifetime
{
    public RealPbxRig Rig { get; private set; } = null!;

    /// <summary>The phone lines of the rig.</summary>
    protected abstract PhoneLine[] Lines { get; }

    public async Task InitializeAsync()
    {
        if (AsteriskInstall.Found is not null)
        {
            Rig = await RealPbxRig.StartAsync(Lines);
        }
    }

    public async Task DisposeAsync()
    {
        if (Rig is not null)
        {
            await Rig.DisposeAsync();
        }
    }
}
