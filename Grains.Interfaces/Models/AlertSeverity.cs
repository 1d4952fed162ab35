using System.Text.Json.Serialization;

namespace CallPing.Grains.Interfaces.Models;

/// <summary>The PagerDuty Events API v2 severities.</summary>
[GenerateSerializer, Alias("callping.AlertSeverity")]
[JsonConverter(typeof(JsonStringEnumConverter<AlertSeverity>))]
public enum AlertSeverity
{
    Critical,
    Error,
    Warning,
    Info,
}
