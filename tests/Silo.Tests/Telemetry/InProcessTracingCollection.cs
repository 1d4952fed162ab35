namespace CallPing.Silo.Tests.Telemetry;

/// <summary>
/// Tests that read the spans of a silo hosted in the test process run alone: activity listeners are process-wide, and
/// with another in-process silo's tracing running beside it the intake request's span was seen missing from the trace.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessTracingCollection
{
    public const string Name = "in-process tracing";
}
