using System.Diagnostics;

namespace CallPing.Grains.Telemetry;

/// <summary>
/// The product's spans and span attributes. Orleans carries a trace through grain calls by itself; these join the
/// work that runs in a later turn (an alert's first call, placed after intake's answer) to the request that caused it.
/// </summary>
public static class CallPingTracing
{
    public const string SourceName = "CallPing";

    /// <summary>The alert a span is about, on intake's request span and on the spans of the alert's calls.</summary>
    public const string AlertIdAttribute = "callping.alert.id";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>Tags the current span (intake's request, a grain call) with the alert it is about.</summary>
    public static void TagAlert(string? alertId) => Activity.Current?.SetTag(AlertIdAttribute, alertId);

    /// <summary>A span for placing an alert's first call, in the trace of the request that created the alert.</summary>
    public static Activity? StartFirstCall(string alertId, ActivityContext createdIn)
    {
        var activity = Source.StartActivity("place first call", ActivityKind.Internal, createdIn);
        activity?.SetTag(AlertIdAttribute, alertId);
        return activity;
    }
}
