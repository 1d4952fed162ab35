using System.Text.Json;

namespace CallPing.Silo.Tests.Logging;

/// <summary>One line of the JSON console formatter's output, as a log pipeline reads it.</summary>
public sealed record LogLine(string Text, JsonElement Json)
{
    public string Category => Json.GetProperty("Category").GetString()!;

    public string Message => Json.GetProperty("Message").GetString()!;

    /// <summary>The value of a property of any scope around the line, or null when no scope has it.</summary>
    public string? Scope(string name)
    {
        if (!Json.TryGetProperty("Scopes", out var scopes))
        {
            return null;
        }

        foreach (var scope in scopes.EnumerateArray())
        {
            if (scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty(name, out var value))
            {
                return value.ToString();
            }
        }

        return null;
    }

    /// <summary>Parses a line; fails the test, quoting the line, when it is not one JSON object.</summary>
    public static LogLine Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            return new LogLine(text, document.RootElement.Clone());
        }
        catch (JsonException e)
        {
            Assert.Fail($"Not a JSON log line ({e.Message}): {text}");
            throw;
        }
    }
}
