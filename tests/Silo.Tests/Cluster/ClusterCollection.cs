using CallPing.TestSupport;

namespace CallPing.Silo.Tests.Cluster;

/// <summary>
/// The cluster tests run one after another (each starts several host processes, too many for a small machine at once)
/// and share one throwaway PostgreSQL server; each test cluster gets its own database.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "cluster";
}
