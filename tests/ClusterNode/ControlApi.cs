using Microsoft.AspNetCore.Mvc;
using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Runtime;
using CallPing.Runtime.Membership;
using CallPing.TestSupport.Grains;

namespace CallPing.ClusterNode;

/// <summary>What the cluster tests ask a node to do: calls from inside this process to the test grains.</summary>
public static class ControlApi
{
    public static void MapControlApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/counters/{key}/increments", IncrementAsync);
        app.MapGet("/counters/{key}", (string key, IGrainFactory grains) => grains.GetGrain<ICounterGrain>(key).GetAsync());
        app.MapPost("/reminders", ScheduleAsync);
        app.MapGet("/reminders/{key}", (string key, IGrainFactory grains) => grains.GetGrain<IReminderGrain>(key).GetReportAsync());
        app.MapPost("/effects", EmitAsync);
        app.MapGet("/silos", (ClusterMembership membership, CancellationToken ct) => membership.GetSilosAsync(ct));
        app.MapPost("/projects/{id}", CreateProjectAsync);
        app.MapPost("/alerts/{projectId}/{dedupKey}", (string projectId, string dedupKey, string summary, IGrainFactory grains) =>
            grains.GetGrain<IDedupGrain>($"{projectId}/{dedupKey}").SubmitAsync(
                new AlertEvent(projectId, dedupKey, AlertAction.Trigger, summary, AlertSeverity.Critical, "cluster-test", null, "api")));
        app.MapGet("/alerts/{id}", (string id, IGrainFactory grains) => grains.GetGrain<IAlertGrain>(id).GetAsync());
        app.MapGet("/pbxes/{id}", (string id, IGrainFactory grains) => grains.GetGrain<IPbxGrain>(id).GetHealthAsync());
    }

    /// <summary>Sends <paramref name="count"/> concurrent increments; reports how many succeeded and the first errors.</summary>
    private static async Task<CallReport> IncrementAsync(string key, int count, IGrainFactory grains)
    {
        var counter = grains.GetGrain<ICounterGrain>(key);
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            try
            {
                await counter.AddAsync(1);
                return null;
            }
            catch (Exception e)
            {
                return e.GetType().Name + ": " + e.Message;
            }
        }));
        return CallReport.From(results);
    }

    private static async Task<CallReport> ScheduleAsync(string prefix, int count, long dueAtUnixMs, int deliveryTakesMs, IGrainFactory grains)
    {
        var dueAt = DateTimeOffset.FromUnixTimeMilliseconds(dueAtUnixMs);
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var dueIn = dueAt - DateTimeOffset.UtcNow;
            await grains.GetGrain<IReminderGrain>($"{prefix}-{i}")
                .ScheduleOnceAsync(dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn, TimeSpan.FromMilliseconds(deliveryTakesMs));
            return (string?)null;
        }));
        return CallReport.From(results);
    }

    private static async Task<CallReport> EmitAsync(string prefix, int count, IGrainFactory grains)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await grains.GetGrain<IEffectGrain>($"{prefix}-{i}").EmitAsync($"{prefix}-{i}");
            return (string?)null;
        }));
        return CallReport.From(results);
    }

    private static Task<ProjectView> CreateProjectAsync(string id, [FromQuery] string[] contact, int ringTimeoutSeconds, int stepDelaySeconds, int repeats, IGrainFactory grains) =>
        grains.GetGrain<IProjectGrain>(id).CreateAsync(new CreateProjectRequest(id, contact,
            new EscalationPolicy(TimeSpan.FromSeconds(ringTimeoutSeconds), TimeSpan.FromSeconds(stepDelaySeconds), repeats)));

    public sealed record CallReport(int Succeeded, int Failed, IReadOnlyList<string> FirstErrors)
    {
        public static CallReport From(IReadOnlyList<string?> results) => new(
            results.Count(r => r is null),
            results.Count(r => r is not null),
            results.OfType<string>().Distinct().Take(5).ToList());
    }
}
