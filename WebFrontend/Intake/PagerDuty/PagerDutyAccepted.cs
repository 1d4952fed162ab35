using System.Text.Json.Serialization;

namespace CallPing.WebFrontend.Intake.PagerDuty;

/// <summary>PagerDuty's 202 answer, word for word: {"status":"success","message":"Event processed","dedup_key":"..."}.</summary>
public sealed record PagerDutyAccepted(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("dedup_key")] string DedupKey)
{
    public static PagerDutyAccepted For(string dedupKey) => new("success", "Event processed", dedupKey);
}
