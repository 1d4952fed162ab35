using CallPing.Grains.Interfaces.Models;

namespace CallPing.WebFrontend.Intake;

/// <summary>The wire names of actions and severities, lowercase as PagerDuty spells them.</summary>
public static class IntakeNames
{
    public const string Severities = "critical, error, warning or info";

    public const string Actions = "trigger, acknowledge or resolve";

    public static bool TryParseSeverity(string? text, bool ignoreCase, out AlertSeverity severity)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var candidate in Enum.GetValues<AlertSeverity>())
        {
            if (string.Equals(text, candidate.ToString().ToLowerInvariant(), comparison))
            {
                severity = candidate;
                return true;
            }
        }

        severity = AlertSeverity.Error;
        return false;
    }

    public static bool TryParseAction(string? text, out AlertAction action)
    {
        foreach (var candidate in Enum.GetValues<AlertAction>())
        {
            if (text == candidate.ToString().ToLowerInvariant())
            {
                action = candidate;
                return true;
            }
        }

        action = AlertAction.Trigger;
        return false;
    }
}
