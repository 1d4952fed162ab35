using System.Text.Json;

namespace CallPing.Ari;

/// <summary>Reads the text out of an ARI error body: {"message": ...} mostly, {"error": ...} from a failed originate.</summary>
internal static class AriErrorBody
{
    /// <summary>How much of a body that is not ARI's JSON is kept when no reason phrase came with it.</summary>
    private const int MaxRawText = 80;

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
            // Not JSON: a proxy's page, or the 404 HTML page of an Asterisk whose ARI is not loaded yet. The status
            // line says enough; the page would fill the PBX's last errors.
        }

        if (!string.IsNullOrWhiteSpace(reasonPhrase))
        {
            return reasonPhrase;
        }

        var text = body.Trim();
        return text.Length <= MaxRawText ? text : $"{text[..MaxRawText]}...";
    }
}
