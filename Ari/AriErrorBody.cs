using System.Text.Json;

namespace CallPing.Ari;

/// <summary>Reads the text out of an ARI error body: {"message": ...} mostly, {"error": ...} from a failed originate.</summary>
internal static class AriErrorBody
{
    public static string Message(string body, string? reasonPhrase)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in (ReadOnlySpan<string>)["message", "error"])
                {
                    if (document.RootElement.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.String)
                    {
                        return field.GetString() ?? "";
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): fall back to the raw text below.
        }

        return string.IsNullOrWhiteSpace(body) ? reasonPhrase ?? "" : body.Trim();
    }
}
