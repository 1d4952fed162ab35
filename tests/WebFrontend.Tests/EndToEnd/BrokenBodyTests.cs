using CallPing.TestSupport;
using CallPing.WebFrontend.Tests.Infrastructure;

namespace CallPing.WebFrontend.Tests.EndToEnd;

/// <summary>
/// Request bodies whose HTTP framing is broken, sent by hand through Kestrel to the real Silo process, on every POST
/// endpoint. Each body is a complete, valid document, so a server that ignored the broken framing would store it.
/// </summary>
public sealed class BrokenBodyTests(SiloProcess silo) : IClassFixture<SiloProcess>
{
    private static readonly string[] Endpoints =
    [
        "/api/v1/alerts",
        "/v2/enqueue",
        "/api/v1/integrations/alertmanager",
        "/api/v1/integrations/grafana",
        "/api/v1/alerts/{alertId}/acknowledge",
        "/api/v1/alerts/{alertId}/resolve",
        "/admin/projects",
    ];

    public static TheoryData<string, BrokenBody> Cases()
    {
        var cases = new TheoryData<string, BrokenBody>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var fault in Enum.GetValues<BrokenBody>())
            {
                cases.Add(endpoint, fault);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_BrokenBodyFraming_400ProblemAndNothingStored(string endpoint, BrokenBody fault)
    {
        var stored = await silo.StoredRowsAsync();
        var refused = await silo.PostsAnsweredAsync("4");

        var answer = await RawHttp.PostAsync(silo.Host.BaseAddress, endpoint.Replace("{alertId}", silo.AlertId, StringComparison.Ordinal),
            HeadersFor(endpoint), BodyFor(endpoint), fault);

        // After a half-close Kestrel aborts the request and cannot answer; the server records 499 (client closed request) then.
        var halfClosed = fault != BrokenBody.MalformedChunkSize;
        Assert.True(answer.Status == 400 || (halfClosed && answer.Status is null), $"{endpoint} ({fault}) answered:\n{answer.Text}");
        if (answer.Status is not null)
        {
            Assert.Equal("application/problem+json", answer.ContentType);
        }

        await Eventually.ReachesAsync(() => silo.PostsAnsweredAsync("4"), n => n > refused, TimeSpan.FromSeconds(10), "POSTs the server finished with 4xx");
        Assert.Equal(0, await silo.PostsAnsweredAsync("5"));
        Assert.Equal(stored, await silo.StoredRowsAsync());
        Assert.Equal("Triggered", await silo.AlertStatusAsync());
        Assert.DoesNotContain("unhandled exception", silo.Host.Output, StringComparison.OrdinalIgnoreCase);
    }

    private Dictionary<string, string> HeadersFor(string endpoint) => endpoint switch
    {
        "/v2/enqueue" => [],
        "/admin/projects" => new() { ["Authorization"] = $"Bearer {SiloProcess.AdminToken}" },
        _ => new() { ["Authorization"] = $"Bearer {silo.ApiKey}" },
    };

    private string BodyFor(string endpoint) => endpoint switch
    {
        "/api/v1/alerts" => """{"summary":"Broken upload","severity":"critical","action":"trigger","dedupKey":"broken-upload"}""",
        "/v2/enqueue" => $$$"""{"routing_key":"{{{silo.ApiKey}}}","event_action":"trigger","dedup_key":"broken-upload","payload":{"summary":"Broken upload","source":"db-1","severity":"critical"}}""",
        "/api/v1/integrations/alertmanager" => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", "alertmanager-firing.json")),
        "/api/v1/integrations/grafana" => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", "grafana-firing.json")),
        "/admin/projects" => """{"name":"broken upload","contacts":["+15550100"]}""",
        _ => "{}",
    };
}
