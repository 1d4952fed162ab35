namespace CallPing.Runtime.Storage;

/// <summary>The database behind the runtime, opened once per silo at start-up.</summary>
public interface IRuntimeStore
{
    /// <summary>"SQLite /data/callping.db" or "PostgreSQL host:port/db", for messages and logs; never a password.</summary>
    string Description { get; }

    /// <summary>Whether several processes use this store at once, so that an activation's state may go stale.</summary>
    bool SharedByProcesses { get; }

    /// <summary>Connections and dialect shared by the SQL tables.</summary>
    SqlStore Sql { get; }

    /// <summary>Opens the store (refusing one that another silo must not share) and applies pending migrations; a second call does nothing.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Whether the store answers and every migration is applied, with a reason when not.</summary>
    Task<(bool Ready, string Detail)> CheckReadyAsync(CancellationToken cancellationToken);
}
