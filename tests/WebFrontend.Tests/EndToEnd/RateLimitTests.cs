using System.Net;
using CallPing.WebFrontend.Tests.Infrastructure;

namespace CallPing.WebFrontend.Tests.EndToEnd;

[Collection(SharedIntakeApp.Name)]
public sealed class RateLimitTests : IDisposable
{
    private readonly IntakeApp _app = new(new Dictionary<string, string?> { ["Intake:PermitsPerSecond"] = "5" });

    [Fact]
    public async Task Trigger_OverTheKeysLimit_429WithRetryAfterAndOtherKeysUnaffected()
    {
        var (_, _, busy) = await _app.NewProjectAsync();
        var (_, _, quiet) = await _app.NewProjectAsync();

        var burst = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => busy.TriggerAsync("burst")));
        var other = await quiet.TriggerAsync("quiet");

        var limited = burst.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        // 5 permits a second: a burst that spans a refill or two may get a few more through, never all 20.
        Assert.InRange(burst.Count(r => r.StatusCode == HttpStatusCode.Accepted), 5, 15);
        Assert.Equal(20, burst.Count(r => r.StatusCode == HttpStatusCode.Accepted) + limited.Count);
        Assert.All(limited, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After is missing"));
        Assert.Equal("application/problem+json", limited[0].Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
