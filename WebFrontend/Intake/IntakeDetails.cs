using System.Text;
using System.Text.Json;

namespace CallPing.WebFrontend.Intake;

/// <summary>
/// Details JSON that intake writes for the integrations. Monitoring cannot fix an oversized payload and should still page,
/// so details over the limit are replaced by a note (as Alertmanager does for PagerDuty) instead of refusing the alert.
/// </summary>
public static class IntakeDetails
{
    public static string Write(IReadOnlyDictionary<string, object?> details, int maxDetailsBytes)
    {
        var json = JsonSerializer.Serialize(details, IntakeJson.Details);
        return Encoding.UTF8.GetByteCount(json) <= maxDetailsBytes
            ? json
            : JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = $"Details were removed because they exceeded {maxDetailsBytes} bytes." });
    }
}
