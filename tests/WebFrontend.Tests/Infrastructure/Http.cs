using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CallPing.WebFrontend.Tests.Infrastructure;

/// <summary>Request helpers that send bodies exactly as given, so hostile bytes reach the server unchanged.</summary>
public static class Http
{
    public static Task<HttpResponseMessage> PostJsonTextAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PostBytesAsync(this HttpClient client, string path, byte[] body, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        return client.PostAsync(path, content);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public static Task<HttpResponseMessage> TriggerAsync(this HttpClient client, string dedupKey, string summary = "Disk full on db-1") =>
        client.PostAsJsonAsync("/api/v1/alerts", new { summary, severity = "critical", dedupKey, action = "trigger" });
}
