namespace CallPing.Runtime.Hosting;

/// <summary>Which database the runtime uses.</summary>
public enum StorageProvider
{
    /// <summary>An embedded file; one silo only.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server; the cluster store.</summary>
    Postgres,
}
