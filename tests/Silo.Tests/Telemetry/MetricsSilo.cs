using CallPing.TestSupport;

namespace CallPing.Silo.Tests.Telemetry;

/// <summary>One Silo process for the metrics tests, with the admin token to create a project; only the Prometheus test raises alerts.</summary>
public sealed class MetricsSilo() : RunningSilo(new() { ["Admin:Token"] = PublicApi.AdminToken });
