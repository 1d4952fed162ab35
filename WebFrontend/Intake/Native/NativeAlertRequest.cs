using System.Text.Json;

namespace CallPing.WebFrontend.Intake.Native;

/// <summary>The body of POST /api/v1/alerts (camelCase JSON). Everything is optional here so that the mapper can name what is missing.</summary>
public sealed record NativeAlertRequest
{
    public string? Summary { get; init; }

    public JsonElement? Details { get; init; }

    public string? Source { get; init; }

    public string? Severity { get; init; }

    public string? DedupKey { get; init; }

    public string? Action { get; init; }
}
