using Npgsql;

namespace CallPing.WebFrontend.Hosting;

/// <summary>
/// Opens one connection to the cluster store before a separate web process joins the cluster through it, so that a
/// wrong password, a database that does not exist or a server that does not answer ends the start with one line
/// naming it, as it does for a silo.
/// </summary>
internal sealed class ClusterStoreCheck(string connectionString) : IStartupCheck
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception e) when (PostgresFailure.IsReachOrLogin(e))
        {
            throw new StartupRefusedException(PostgresFailure.Refusal(PostgresFailure.Location(connectionString), e), e);
        }
    }
}
