using CallPing.TestSupport;

namespace CallPing.Silo.Tests;

/// <summary>The cluster tests share one throwaway PostgreSQL server; each test gets its own database.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "cluster";
}
