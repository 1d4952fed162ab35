using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallPing.PbxSimulator.Http;

/// <summary>An ARI request's JSON body: an object, empty when there is none, null when it is not a JSON object.</summary>
internal static class AriRequestBody
{
    public static async Task<JsonObject?> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
