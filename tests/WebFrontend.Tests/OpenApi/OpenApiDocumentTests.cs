using System.Net;
using Microsoft.OpenApi;
using CallPing.WebFrontend.Tests.Infrastructure;

namespace CallPing.WebFrontend.Tests.OpenApi;

/// <summary>The OpenAPI document as a client generator or an API gateway reads it from the running app.</summary>
[Collection(SharedIntakeApp.Name)]
public sealed class OpenApiDocumentTests(SharedIntakeApp.App app)
{
    [Fact]
    public async Task Document_ServedByWebRole_ValidatesAsOpenApi3()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");
        var (document, version, errors) = OpenApiSpec.Read(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(document);
        Assert.True(version >= OpenApiSpecVersion.OpenApi3_0, $"version {version}");
        Assert.Empty(errors);
        Assert.Equal("CallPing", document.Info.Title);
    }

    [Fact]
    public async Task Document_EveryMappedEndpoint_IsListedWithItsMethod()
    {
        var document = await ReadAsync();
        var mapped = MappedEndpoints.Of(app.Services);

        var documented = document.Paths.SelectMany(p => (p.Value.Operations ?? []).Keys.Select(m => $"{m.Method} {p.Key}")).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("POST /api/v1/alerts", mapped);
        Assert.Contains("POST /v2/enqueue", mapped);
        Assert.Contains("POST /admin/projects", mapped);
        Assert.All(mapped, endpoint => Assert.Contains(endpoint, documented));
        Assert.Equal(mapped.Count, documented.Count);
    }

    [Fact]
    public async Task Document_EveryOperation_HasNameSummaryTagAndResponses()
    {
        var document = await ReadAsync();

        var operations = document.Paths.SelectMany(p => (p.Value.Operations ?? []).Select(o => (Where: $"{o.Key.Method} {p.Key}", Operation: o.Value))).ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.OperationId), $"{o.Where} has no operationId");
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.Summary), $"{o.Where} has no summary");
            Assert.NotEmpty(o.Operation.Tags ?? new HashSet<OpenApiTagReference>());
            Assert.Contains(o.Operation.Responses!.Keys, status => status.StartsWith('2'));
        });
        Assert.Equal(operations.Count, operations.Select(o => o.Operation.OperationId).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("/api/v1/alerts", "ApiKey")]
    [InlineData("/api/v1/integrations/alertmanager", "ApiKey")]
    [InlineData("/api/v1/integrations/grafana", "ApiKey")]
    [InlineData("/admin/projects", "AdminToken")]
    public async Task Document_AuthenticatedOperation_RequiresItsBearerScheme(string path, string scheme)
    {
        var document = await ReadAsync();

        var post = document.Paths[path].Operations![HttpMethod.Post];
        var declared = document.Components!.SecuritySchemes![scheme];

        Assert.Equal(SecuritySchemeType.Http, declared.Type);
        Assert.Equal("bearer", declared.Scheme);
        Assert.Equal([scheme], post.Security!.SelectMany(r => r.Keys).Select(k => k.Reference.Id));
        Assert.Contains("401", post.Responses!.Keys);
    }

    [Theory]
    [InlineData("GET", "/api/v1/alerts/{alertId}")]
    [InlineData("POST", "/api/v1/alerts/{alertId}/acknowledge")]
    [InlineData("POST", "/api/v1/alerts/{alertId}/resolve")]
    public async Task Document_AlertById_TakesTheApiKeyOrASessionEitherWay(string method, string path)
    {
        var document = await ReadAsync();

        var operation = document.Paths[path].Operations![new HttpMethod(method)];

        // Two requirements, one scheme each: either one is enough (a single requirement naming both would need both).
        Assert.Equal([["ApiKey"], ["Session"]], operation.Security!.Select(r => r.Keys.Select(k => k.Reference.Id).ToArray()));
    }

    [Fact]
    public async Task Document_PagerDutyEnqueue_RequiresNoCredentialsAndListsItsAnswers()
    {
        var document = await ReadAsync();

        var enqueue = document.Paths["/v2/enqueue"].Operations![HttpMethod.Post];

        Assert.Empty(enqueue.Security ?? []);
        Assert.Equal(["202", "400", "413", "415", "429"], document.Paths["/v2/enqueue"].Operations![HttpMethod.Post].Responses!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Document_HealthProbes_AreServedButNotListed()
    {
        var document = await ReadAsync();
        using var client = app.CreateClient();

        using var healthz = await client.GetAsync("/healthz");
        using var readyz = await client.GetAsync("/readyz");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (healthz.StatusCode, readyz.StatusCode));
        Assert.DoesNotContain("/healthz", document.Paths.Keys);
        Assert.DoesNotContain("/readyz", document.Paths.Keys);
    }

    [Fact]
    public void Read_DocumentBreakingTheSpec_ReportsErrors()
    {
        const string NoInfoAndBadResponseKey = """{"openapi":"3.0.1","paths":{"/x":{"get":{"responses":{"twohundred":{"description":"ok"}}}}}}""";

        var (_, _, errors) = OpenApiSpec.Read(NoInfoAndBadResponseKey);

        Assert.NotEmpty(errors);
    }

    private async Task<OpenApiDocument> ReadAsync()
    {
        using var client = app.CreateClient();
        var (document, _, errors) = OpenApiSpec.Read(await client.GetStringAsync("/openapi/v1.json"));
        Assert.Empty(errors);
        return document!;
    }
}
