using CallPing.TestSupport;

namespace CallPing.Silo.Tests.Cluster;

/// <summary>A Silo process pointed at a PostgreSQL server that refuses it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PostgresStartupTests(PostgresServer postgres)
{
    [Fact]
    public async Task Silo_WrongPostgresPassword_ExitsWithOneLineNamingTheProblem()
    {
        await using var silo = HostProcess.Start("Silo", new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = postgres.ConnectionString("postgres", password: "not-the-password"),
        });

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"CallPing could not start: Cannot use PostgreSQL 127.0.0.1:{postgres.Port}/postgres (Storage:ConnectionString): password authentication failed", silo.Output);
        Assert.DoesNotContain("   at ", silo.Output);
        Assert.DoesNotContain("not-the-password", silo.Output);
    }
}
