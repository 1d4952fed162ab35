using System.Text.Json;
using CallPing.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace CallPing.Grains.Tests.Infrastructure;

/// <summary>Reads what the silo stored, straight from the SQLite file, as an operator with sqlite3 would.</summary>
public static class StoredRows
{
    /// <summary>How the stored JSON is read back (the storage writes System.Text.Json).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Every stored grain state row.</summary>
    public static async Task<List<StoredRow>> StoredRowsAsync(this GrainSilo silo)
    {
        var path = Path.Combine(silo.DataFolder, SqliteStore.FileName);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT GrainTypeString, GrainIdExtensionString, GrainIdN0, GrainIdN1, Version, CAST(PayloadBinary AS TEXT) FROM OrleansStorage";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StoredRow>();
        while (await reader.ReadAsync())
        {
            var key = reader.IsDBNull(1) ? $"{reader.GetInt64(2)}/{reader.GetInt64(3)}" : reader.GetString(1);
            rows.Add(new StoredRow(reader.GetString(0), key, reader.IsDBNull(4) ? 0 : reader.GetInt64(4), reader.IsDBNull(5) ? "" : reader.GetString(5)));
        }

        return rows;
    }

    /// <summary>Every stored reminder, as (grain id, reminder name).</summary>
    public static async Task<List<(string GrainId, string Name)>> RemindersAsync(this GrainSilo silo)
    {
        var path = Path.Combine(silo.DataFolder, SqliteStore.FileName);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT GrainId, ReminderName FROM OrleansRemindersTable";
        await using var reader = await command.ExecuteReaderAsync();
        var reminders = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            reminders.Add((reader.GetString(0), reader.GetString(1)));
        }

        return reminders;
    }

    /// <summary>The stored row of one grain state, or null when it has none.</summary>
    public static async Task<StoredRow?> StoredRowAsync(this GrainSilo silo, string stateName, string key) =>
        (await silo.StoredRowsAsync()).SingleOrDefault(r => r.StateName == stateName && r.Key == key);

    /// <summary>The stored state of one grain, read back from its JSON.</summary>
    public static async Task<T?> StoredStateAsync<T>(this GrainSilo silo, string stateName, string key) where T : class =>
        await silo.StoredRowAsync(stateName, key) is { Json.Length: > 0 } row ? JsonSerializer.Deserialize<T>(row.Json, Json) : null;
}
