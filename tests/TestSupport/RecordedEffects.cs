namespace CallPing.TestSupport;

/// <summary>Tables in which the cluster node's effect handler records every run and every applied effect.</summary>
public static class RecordedEffects
{
    public const string Schema = "CREATE TABLE test_effect_runs (idempotency_key TEXT NOT NULL, silo TEXT NOT NULL); " +
        "CREATE TABLE test_effects (idempotency_key TEXT PRIMARY KEY, silo TEXT NOT NULL)";
}
