using CallPing.Runtime.Storage;
using CallPing.TestSupport.Grains;
using CallPing.Runtime.Tests.Infrastructure;
using CallPing.TestSupport;

namespace CallPing.Runtime.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainRuntimeTests(PostgresStoreUnderTest store) : GrainRuntimeTests(store)
{
    [Fact]
    public async Task Start_WrongPassword_FailsNamingTheProblem()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = store.Server.ConnectionString("postgres", password: "wrong"),
        };

        var error = await Assert.ThrowsAsync<StoreStartupException>(() => TestSilo.StartAsync(settings));

        Assert.Contains($"PostgreSQL 127.0.0.1:{store.Server.Port}/postgres", error.Message);
        Assert.Contains("password authentication failed", error.Message);
    }

    [Fact]
    public async Task Start_UnreachableServer_FailsNamingTheProblem()
    {
        var port = FreePort.Next();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = $"Host=127.0.0.1;Port={port};Username=postgres;Password=x;Database=callping;Timeout=3",
        };

        var error = await Assert.ThrowsAsync<StoreStartupException>(() => TestSilo.StartAsync(settings));

        Assert.Contains($"PostgreSQL 127.0.0.1:{port}/callping", error.Message);
        Assert.Contains("Connection refused", error.Message);
    }

    [Fact]
    public async Task ServerRestart_WhileSiloRuns_SiloReconnectsAndKeepsState()
    {
        var silo = await StartSiloAsync(await store.NewStoreAsync());
        var counter = silo.Grains.GetGrain<ICounterGrain>("survivor");
        await counter.AddAsync(7);

        await store.Server.StopAsync();
        await store.Server.StartAsync();

        var after = await Eventually.ReachesAsync(async () =>
        {
            try
            {
                return await counter.AddAsync(1);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
            {
                return -1;
            }
        }, value => value > 0, TimeSpan.FromSeconds(20), "counter after restart");
        Assert.Equal(8, after);
    }
}
