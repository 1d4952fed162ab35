namespace CallPing.Silo.Tests.Storage;

/// <summary>The SQLite storage tests run silos in this process; like the PostgreSQL ones, they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SqliteStorageCollection
{
    public const string Name = "storage-sqlite";
}
