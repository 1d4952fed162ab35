namespace CallPing.Grains.Tests.Alerts;

/// <summary>The escalation tests share one silo and its simulated PBXes, one test at a time (they share the fake clock).</summary>
[CollectionDefinition(Name)]
public sealed class EscalationCollection : ICollectionFixture<EscalationCluster>
{
    public const string Name = "escalation";
}
