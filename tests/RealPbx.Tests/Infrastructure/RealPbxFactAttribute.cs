namespace CallPing.RealPbx.Tests.Infrastructure;

/// <summary>A test of the real-PBX tier: skipped, with the reason, when no Asterisk was found.</summary>
public sealed class RealPbxFactAttribute : FactAttribute
{
    public RealPbxFactAttribute()
    {
        if (AsteriskInstall.Missing is { } reason)
        {
            Skip = reason;
        }
    }
}
