using CallPing.TestSupport;

namespace CallPing.Runtime.Tests.Infrastructure;

/// <summary>One throwaway PostgreSQL server for the suite; each store is a new database on it.</summary>
public sealed class PostgresStoreUnderTest : IStoreUnderTest, IAsyncLifetime
{
    public PostgresServer Server { get; } = new();

    public async Task<Dictionary<string, string?>> NewStoreAsync() => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = await Server.CreateDatabaseAsync(),
    };

    public Task InitializeAsync() => Server.InitializeAsync();

    public Task DisposeAsync() => Server.DisposeAsync();
}
