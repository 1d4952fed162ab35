using System.Net;
using System.Text;
using CallPing.WebFrontend.Tests.Infrastructure;

namespace CallPing.WebFrontend.Tests.EndToEnd;

/// <summary>The 64 KiB limit over real HTTP through Kestrel, with a declared length and with a chunked upload.</summary>
[Collection(SharedIntakeApp.Name)]
public sealed class KestrelBodyLimitTests : IDisposable
{
    private readonly IntakeApp _app = new(new Dictionary<string, string?>(), kestrel: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Trigger_BodyOver64KiBThroughKestrel_413(bool chunked)
    {
        var (_, _, client) = await _app.NewProjectAsync();
        var body = $$$"""{"summary":"{{{new string('x', 100_000)}}}","severity":"critical","action":"trigger"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TransferEncodingChunked = chunked;

        var response = await client.SendAsync(request);

        Assert.StartsWith("http://127.0.0.1:", client.BaseAddress?.ToString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await _app.StoredAlertRowsAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await client.TriggerAsync("after oversized")).StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
