using System.Globalization;
using System.Reflection;

namespace CallPing.Runtime.Storage;

/// <summary>Applies the numbered SQL scripts embedded under the dialect's prefix ("0001_runtime.sql", ...), each once, in order.</summary>
internal sealed class SchemaMigrator(SqlStore store)
{
    private readonly IReadOnlyList<(int Version, string Name, string Sql)> _migrations = Load(store.Dialect.MigrationsResourcePrefix);

    public int LatestVersion => _migrations.Count == 0 ? 0 : _migrations[^1].Version;

    public Task MigrateAsync(CancellationToken cancellationToken) =>
        store.WriteAsync(async (connection, transaction) =>
        {
            if (store.Dialect.MigrationLock is { } lockSql)
            {
                await SqlStore.ExecuteAsync(connection, transaction, lockSql, cancellationToken);
            }

            await SqlStore.ExecuteAsync(connection, transaction,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
                cancellationToken);
            var current = await CurrentVersionAsync(connection, transaction, cancellationToken);
            foreach (var (version, name, sql) in _migrations.Where(m => m.Version > current))
            {
                await SqlStore.ExecuteAsync(connection, transaction, sql, cancellationToken);
                await SqlStore.ExecuteAsync(connection, transaction,
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @now)",
                    cancellationToken, ("@version", version), ("@name", name), ("@now", store.NowMs));
            }

            return 0;
        }, cancellationToken);

    /// <summary>Ready when the store answers and every migration is applied; the detail says which store and why not.</summary>
    public async Task<(bool Ready, string Detail)> CheckReadyAsync(string description, CancellationToken cancellationToken)
    {
        try
        {
            var applied = await AppliedVersionAsync(cancellationToken);
            return applied == LatestVersion
                ? (true, $"{description}, schema version {applied}")
                : (false, $"{description}: schema version {applied}, expected {LatestVersion}");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or IOException)
        {
            return (false, $"{description} is not reachable: {e.Message}");
        }
    }

    /// <summary>The highest applied version; 0 when none (or the table does not exist yet).</summary>
    public Task<int> AppliedVersionAsync(CancellationToken cancellationToken) =>
        store.ReadAsync(async connection =>
        {
            try
            {
                return await CurrentVersionAsync(connection, null, cancellationToken);
            }
            catch (System.Data.Common.DbException)
            {
                return 0;
            }
        }, cancellationToken);

    private static async Task<int> CurrentVersionAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, CancellationToken cancellationToken) =>
        Convert.ToInt32(await SqlStore.ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", cancellationToken),
            CultureInfo.InvariantCulture);

    private static List<(int, string, string)> Load(string prefix)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..^".sql".Length];
                var version = int.Parse(name.Split('_')[0], CultureInfo.InvariantCulture);
                return (version, name, Read(assembly, n));
            })
            .OrderBy(m => m.version)
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }
}
