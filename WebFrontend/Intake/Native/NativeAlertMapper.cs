using System.Text;
using CallPing.Grains.Interfaces.Models;

namespace CallPing.WebFrontend.Intake.Native;

/// <summary>Validates a native alert request and makes the event to submit; origin "api".</summary>
public static class NativeAlertMapper
{
    public const string Origin = "api";

    public static IntakeMapping Map(NativeAlertRequest request, string projectId, int maxDetailsBytes)
    {
        var errors = new List<FieldError>();
        if (!IntakeNames.TryParseAction(request.Action, out var action))
        {
            errors.Add(new("action", request.Action is null ? $"is required: {IntakeNames.Actions}" : $"must be {IntakeNames.Actions}"));
        }

        var trigger = action == AlertAction.Trigger && errors.Count == 0;
        var severity = AlertSeverity.Error;
        if (request.Severity is not null || trigger)
        {
            if (!IntakeNames.TryParseSeverity(request.Severity, ignoreCase: false, out severity))
            {
                errors.Add(new("severity", request.Severity is null ? $"is required for a trigger: {IntakeNames.Severities}" : $"must be {IntakeNames.Severities}"));
            }
        }

        if (trigger && string.IsNullOrWhiteSpace(request.Summary))
        {
            errors.Add(new("summary", "is required for a trigger"));
        }
        else if (request.Summary is not null && IntakeText.LengthOf(request.Summary) > IntakeText.MaxSummaryLength)
        {
            errors.Add(new("summary", $"must be at most {IntakeText.MaxSummaryLength} characters"));
        }

        if (request.DedupKey is not null && IntakeText.DedupKeyProblem(request.DedupKey) is { } dedupProblem)
        {
            errors.Add(new("dedupKey", dedupProblem));
        }
        else if (request.DedupKey is null && !trigger && errors.All(e => e.Field != "action"))
        {
            errors.Add(new("dedupKey", "is required to acknowledge or resolve"));
        }

        if (request.Source is not null && IntakeText.LengthOf(request.Source) > IntakeText.MaxSourceLength)
        {
            errors.Add(new("source", $"must be at most {IntakeText.MaxSourceLength} characters"));
        }

        string? detailsJson = null;
        if (request.Details is { } details)
        {
            detailsJson = details.GetRawText();
            if (details.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                errors.Add(new("details", "must be a JSON object"));
            }
            else if (Encoding.UTF8.GetByteCount(detailsJson) > maxDetailsBytes)
            {
                errors.Add(new("details", $"must be at most {maxDetailsBytes} bytes of JSON"));
            }
        }

        if (errors.Count > 0)
        {
            return IntakeMapping.Invalid(errors);
        }

        return IntakeMapping.Of(new AlertEvent(projectId, request.DedupKey ?? IntakeText.NewDedupKey(), action,
            request.Summary, severity, request.Source, detailsJson, Origin));
    }
}
