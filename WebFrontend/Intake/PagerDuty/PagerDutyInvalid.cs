using System.Text.Json.Serialization;

namespace CallPing.WebFrontend.Intake.PagerDuty;

/// <summary>PagerDuty's 400 answer: {"status":"invalid event","message":"Event object is invalid","errors":[...]}; Alertmanager logs message and errors.</summary>
public sealed record PagerDutyInvalid(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors)
{
    public static PagerDutyInvalid For(IEnumerable<FieldError> errors) =>
        new("invalid event", "Event object is invalid", [.. errors.Select(e => $"{e.Field} {e.Message}")]);
}
