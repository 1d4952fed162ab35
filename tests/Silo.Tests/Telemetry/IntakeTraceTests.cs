using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Telemetry;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;
using CallPing.TestSupport.Pbx;
using CallPing.WebFrontend.Intake;
using OpenTelemetry.Trace;

namespace CallPing.Silo.Tests.Telemetry;

/// <summary>
/// Traces as an operator's collector receives them, caught by OpenTelemetry's in-memory exporter in a silo with both
/// roles: a real HTTP intake request, the grain calls, and the originate on a simulated PBX over real ARI HTTP.
/// </summary>
[Collection(InProcessTracingCollection.Name)]
public sealed class IntakeTraceTests
{
    private const string Alice = "+15550111";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Trigger_ThroughHttpIntake_OneTraceFromTheRequestThroughTheGrainCallsToTheAriOriginate()
    {
        var spans = new SpanList();
        await using var fleet = await SimulatorFleet.StartAsync();
        fleet.Script(Alice, PhoneScript.RingsWithoutAnswer());
        await using var silo = await WorkerSilo.StartAsync(new Dictionary<string, string?>(fleet.Settings()) { ["Silo:Roles"] = "web,worker" },
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        await Task.WhenAll(Enumerable.Range(0, fleet.Pbxes.Count).Select(i => Eventually.ReachesAsync(
            () => silo.Grains.GetGrain<IPbxGrain>(SimulatorFleet.IdOf(i)).GetHealthAsync(), h => h.Status == PbxStatus.Healthy, Within, "PBX health")));
        var project = silo.Grains.GetGrain<IProjectGrain>("traced");
        await project.CreateAsync(new CreateProjectRequest("traced", [Alice]));
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await project.IssueApiKeyAsync("traces")).Key);

        using var response = await http.PostAsJsonAsync("/api/v1/alerts", new { summary = "Disk full on db-1", severity = "critical", action = "trigger", dedupKey = "disk" });
        var alertId = (await response.Content.ReadFromJsonAsync<IntakeResponse>())!.AlertId!;
        // A span is exported when it ends: the first call's ends after its call was placed, the originate included.
        var firstCall = await Eventually.ReachesAsync(() => Task.FromResult(spans.Snapshot().FirstOrDefault(s => s.OperationName == "place first call")),
            span => span is not null, Within, "the first call's span");

        // The request's own span ends once its answer is written out, which on a busy machine may come after the first call.
        var trace = await Eventually.ReachesAsync(() => Task.FromResult(spans.Snapshot().Where(s => s.TraceId == firstCall!.TraceId).ToList()),
            t => t.Any(IsIntakeRequest), Within, "the intake request's span");
        // The simulated PBXes run in this process too: their server spans of the originate are in the trace as well.
        var request = Assert.Single(trace, IsIntakeRequest);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(alertId, request.GetTagItem(CallPingTracing.AlertIdAttribute));
        Assert.Equal(alertId, firstCall!.GetTagItem(CallPingTracing.AlertIdAttribute));
        Assert.Contains(trace, s => IsOriginateOf(s, alertId));
        var grainCalls = trace.Where(s => s.Source.Name == Orleans.Diagnostics.ActivitySources.ApplicationGrainActivitySourceName).Select(s => s.DisplayName).ToList();
        foreach (var grain in new[] { "IDedupGrain", "IAlertGrain", "ICallGrain", "IPbxGrain" })
        {
            Assert.True(grainCalls.Any(name => name.Contains(grain, StringComparison.Ordinal)), $"no call of {grain} in the trace: {string.Join(", ", grainCalls)}");
        }
    }

    private static bool IsIntakeRequest(Activity span) => span.Kind == ActivityKind.Server && (string?)span.GetTagItem("http.route") == "/api/v1/alerts/";

    /// <summary>POST /ari/channels/{alertId}-1-1: the first try of the alert's first call.</summary>
    private static bool IsOriginateOf(Activity span, string alertId) =>
        span.Kind == ActivityKind.Client && span.GetTagItem("url.full") is string url && url.Contains($"/ari/channels/{alertId}-1-1", StringComparison.Ordinal)
        && (string?)span.GetTagItem("http.request.method") == "POST";

    /// <summary>The exporter adds spans from whichever thread ends them; the test reads a copy.</summary>
    private sealed class SpanList : Collection<Activity>
    {
        public List<Activity> Snapshot()
        {
            lock (Items)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (Items)
            {
                base.InsertItem(index, item);
            }
        }
    }
}
