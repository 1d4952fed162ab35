using System.Text.Json;

namespace CallPing.Runtime;

/// <summary>The one JSON setting used for grain state and outbox payloads, so both read what the other wrote.</summary>
public static class JsonDefaults
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
