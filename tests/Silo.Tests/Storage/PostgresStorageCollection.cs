using CallPing.TestSupport;

namespace CallPing.Silo.Tests.Storage;

/// <summary>The PostgreSQL storage tests share one throwaway server; each test gets its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresStorageCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "storage-postgres";
}
