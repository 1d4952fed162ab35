using System.Data.Common;
using System.Text.Json;

namespace CallPing.Silo.Tests.Cluster;

/// <summary>
/// Reads a grain's state row from OrleansStorage as an operator would with psql or sqlite3: the JSON that the
/// product stores in PayloadBinary, found by state name ("pbx", "alert") and string key.
/// </summary>
public static class StoredGrainState
{
    /// <summary>The stored JSON, or null when the grain has no row (or a cleared one).</summary>
    public static async Task<JsonElement?> ReadAsync(DbConnection connection, string stateName, string key)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString = @state AND GrainIdExtensionString = @key";
        AddParameter(command, "@state", stateName);
        AddParameter(command, "@key", key);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync() || await reader.IsDBNullAsync(0))
        {
            return null;
        }

        using var json = JsonDocument.Parse(reader.GetFieldValue<byte[]>(0));
        return json.RootElement.Clone();
    }

    /// <summary>A property of stored state by its C# name, whatever casing the serializer chose.</summary>
    public static JsonElement? Property(this JsonElement state, string name) =>
        state.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
