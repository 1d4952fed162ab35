namespace CallPing.RealPbx.Tests.Infrastructure;

/// <summary>
/// The tier's test classes run one after another: each starts two Asterisk processes, sipp phones and a CallPing
/// process, and the timings they check (a failover "at once", a ring timeout) need a machine that is not also
/// running the tier's other rigs.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealPbxCollection
{
    public const string Name = "real-pbx";
}
