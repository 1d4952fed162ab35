namespace CallPing.WebFrontend.Hosting;

/// <summary>Which database holds grain state, reminders and (in a cluster) membership.</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file in the data folder; a single silo only.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by every silo of a cluster.</summary>
    Postgres,
}
