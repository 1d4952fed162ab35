using System.Net.Sockets;
using Npgsql;

namespace CallPing.WebFrontend.Hosting;

/// <summary>One line on why PostgreSQL could not be used, for the start-up refusals of silos and web processes alike.</summary>
public static class PostgresFailure
{
    /// <summary>A failure of reaching or logging in to the server, which the settings or the server must mend, not the code.</summary>
    public static bool IsReachOrLogin(Exception e) => e is NpgsqlException or TimeoutException or SocketException;

    /// <summary>Where a connection string points, without its password: "host:port/database".</summary>
    public static string Location(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>The refusal's one line: the store, the setting to look at, and the reason.</summary>
    public static string Refusal(string location, Exception e) => $"Cannot use PostgreSQL {location} (Storage:ConnectionString): {Reason(e)}";

    /// <summary>The innermost useful message: "password authentication failed for user ...", "Connection refused", ...</summary>
    private static string Reason(Exception e) => e switch
    {
        PostgresException postgres => $"{postgres.MessageText} ({postgres.SqlState})",
        NpgsqlException { InnerException: { } inner } => $"{e.Message} {inner.Message}",
        _ => e.Message,
    };
}
