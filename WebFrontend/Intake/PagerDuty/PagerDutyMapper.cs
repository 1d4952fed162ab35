using System.Globalization;
using System.Text.Json;
using CallPing.Grains.Interfaces.Models;

namespace CallPing.WebFrontend.Intake.PagerDuty;

/// <summary>
/// Validates a PagerDuty v2 event as PagerDuty does (summary, source and severity required for a trigger; dedup_key for
/// acknowledge and resolve) and makes the event to submit; origin "pagerduty". Severity is read case-insensitively.
/// </summary>
public static class PagerDutyMapper
{
    public const string Origin = "pagerduty";

    public static IntakeMapping Map(PagerDutyEvent pdEvent, string projectId, int maxDetailsBytes)
    {
        var errors = new List<FieldError>();
        var actionKnown = IntakeNames.TryParseAction(pdEvent.EventAction, out var action);
        if (!actionKnown)
        {
            errors.Add(new("event_action", pdEvent.EventAction is null ? "is missing" : $"must be {IntakeNames.Actions}"));
        }

        // PagerDuty's own clients leave an unused dedup_key out; an empty one means the same.
        var dedupKey = string.IsNullOrEmpty(pdEvent.DedupKey) ? null : pdEvent.DedupKey;
        if (dedupKey is not null && IntakeText.DedupKeyProblem(dedupKey) is { } dedupProblem)
        {
            errors.Add(new("dedup_key", dedupProblem));
        }
        else if (dedupKey is null && actionKnown && action != AlertAction.Trigger)
        {
            errors.Add(new("dedup_key", "is required to acknowledge or resolve"));
        }

        var payload = pdEvent.Payload;
        var trigger = actionKnown && action == AlertAction.Trigger;
        var severity = AlertSeverity.Error;
        if (trigger)
        {
            CheckTriggerPayload(payload, errors, out severity);
        }
        else if (payload?.Severity is { } given && IntakeNames.TryParseSeverity(given, ignoreCase: true, out var parsed))
        {
            severity = parsed;
        }

        if (payload?.Timestamp is { } timestamp
            && !DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            errors.Add(new("payload.timestamp", "must be an ISO 8601 date and time"));
        }

        CheckArray(pdEvent.Images, "images", errors);
        CheckArray(pdEvent.Links, "links", errors);
        if (errors.Count > 0)
        {
            return IntakeMapping.Invalid(errors);
        }

        var summary = payload?.Summary is { } text ? IntakeText.Truncate(text, IntakeText.MaxSummaryLength) : null;
        return IntakeMapping.Of(new AlertEvent(projectId, dedupKey ?? IntakeText.NewDedupKey(), action, summary, severity,
            payload?.Source, DetailsOf(pdEvent, maxDetailsBytes), Origin));
    }

    private static void CheckTriggerPayload(PagerDutyPayload? payload, List<FieldError> errors, out AlertSeverity severity)
    {
        severity = AlertSeverity.Error;
        if (payload is null)
        {
            errors.Add(new("payload", "is missing"));
            return;
        }

        if (string.IsNullOrWhiteSpace(payload.Summary))
        {
            errors.Add(new("payload.summary", "is missing"));
        }
        else if (IntakeText.LengthOf(payload.Summary) > IntakeText.MaxSummaryLength)
        {
            errors.Add(new("payload.summary", $"must be at most {IntakeText.MaxSummaryLength} characters"));
        }

        if (string.IsNullOrWhiteSpace(payload.Source))
        {
            errors.Add(new("payload.source", "is missing"));
        }
        else if (IntakeText.LengthOf(payload.Source) > IntakeText.MaxSourceLength)
        {
            errors.Add(new("payload.source", $"must be at most {IntakeText.MaxSourceLength} characters"));
        }

        if (!IntakeNames.TryParseSeverity(payload.Severity, ignoreCase: true, out severity))
        {
            errors.Add(new("payload.severity", payload.Severity is null ? "is missing" : $"must be {IntakeNames.Severities}"));
        }
    }

    private static void CheckArray(JsonElement? element, string field, List<FieldError> errors)
    {
        if (element is { ValueKind: not JsonValueKind.Array and not JsonValueKind.Null })
        {
            errors.Add(new(field, "must be an array"));
        }
    }

    private static string? DetailsOf(PagerDutyEvent pdEvent, int maxDetailsBytes)
    {
        var payload = pdEvent.Payload;
        var details = new Dictionary<string, object?>
        {
            ["custom_details"] = payload?.CustomDetails,
            ["component"] = payload?.Component,
            ["group"] = payload?.Group,
            ["class"] = payload?.Class,
            ["timestamp"] = payload?.Timestamp,
            ["client"] = pdEvent.Client,
            ["client_url"] = pdEvent.ClientUrl,
            ["links"] = NonEmptyArray(pdEvent.Links),
            ["images"] = NonEmptyArray(pdEvent.Images),
        };
        var present = details.Where(d => d.Value is not null).ToDictionary(d => d.Key, d => d.Value);
        return present.Count == 0 ? null : IntakeDetails.Write(present, maxDetailsBytes);
    }

    private static JsonElement? NonEmptyArray(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() > 0 ? array : null;
}
