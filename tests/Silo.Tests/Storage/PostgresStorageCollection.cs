using CallPing.TestSupport;

namespace CallPing.Silo.Tests.Storage;

/// <summary>
/// The PostgreSQL storage tests share one throwaway server; each test gets its own database. They run silos in this
/// process and load the CPU, so they run alone, after the timing-sensitive cluster tests, not beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresStorageCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "storage-postgres";
}
