using System.Globalization;
using CallPing.Grains.Interfaces.Models;

namespace CallPing.WebFrontend.Portal.Pages;

/// <summary>How the pages put a call and its tries in words: a test call's outcome, an alert's call log.</summary>
public static class CallText
{
    public static string Of(CallStatus status, CallOutcome? outcome) => status switch
    {
        CallStatus.New => "Waiting to be placed",
        CallStatus.Dialing => "Ringing",
        CallStatus.Answered => "Answered, on the line",
        CallStatus.Ended => outcome is { } ended ? $"Ended: {Of(ended)}" : "Ended",
        _ => "No PBX could place it",
    };

    public static string Of(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Answered => "answered",
        CallOutcome.Busy => "busy",
        CallOutcome.NoAnswer => "no answer",
        CallOutcome.Rejected => "rejected",
        CallOutcome.BadNumber => "wrong number",
        CallOutcome.TrunkFailure => "trunk failure",
        CallOutcome.Failed => "failed",
        _ => "its end was not seen",
    };

    /// <summary>What a call achieved for its alert.</summary>
    public static string Of(CallResult result) => result switch
    {
        CallResult.Acknowledged => "acknowledged",
        CallResult.PassedOn => "passed on",
        CallResult.NotAcknowledged => "not acknowledged",
        _ => "no PBX available",
    };

    /// <summary>Where one try stands: its outcome once ended, else how far it got.</summary>
    public static string Of(CallTry attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return attempt switch
        {
            { Outcome: { } outcome } => char.ToUpperInvariant(Of(outcome)[0]) + Of(outcome)[1..],
            { EndedAt: not null } => "Ended",
            { AnsweredAt: not null } => "Answered, on the line",
            { DialedAt: not null } => "Ringing",
            _ => "Routed, not dialled yet",
        };
    }

    /// <summary>A time to the second (UTC), as a call log needs.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form for a time element.</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
