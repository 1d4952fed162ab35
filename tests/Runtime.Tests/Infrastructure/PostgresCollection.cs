namespace CallPing.Runtime.Tests.Infrastructure;

/// <summary>The PostgreSQL test classes share one server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresStoreUnderTest>
{
    public const string Name = "postgres";
}
