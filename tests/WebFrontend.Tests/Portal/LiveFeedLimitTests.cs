using System.Net;
using CallPing.TestSupport;
using CallPing.TestSupport.Accounts;
using CallPing.WebFrontend.Portal.Live;
using CallPing.WebFrontend.Tests.Accounts;
using CallPing.WebFrontend.Tests.Orgs;

namespace CallPing.WebFrontend.Tests.Portal;

/// <summary>One account cannot hold an unbounded number of live feeds open: each reads a grain once a second.</summary>
[Collection(AccountsCollection.Name)]
public sealed class LiveFeedLimitTests(AccountsFixture fixture) : IAsyncLifetime
{
    private readonly OrgWorld _world = new(fixture);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task LiveFeeds_OneOverTheLimit_429UntilOneCloses_OtherAccountsUnaffected()
    {
        var open = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < OpenFeeds.PerUser; i++)
            {
                open.Add(await OpenAsync(_world.Member.Browser));
                Assert.Equal(HttpStatusCode.OK, open[^1].StatusCode);
                Assert.Equal("text/event-stream", open[^1].Content.Headers.ContentType?.MediaType);
            }

            using (var over = await OpenAsync(_world.Member.Browser))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
                Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
                Assert.Contains("live views open", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            open.Add(await OpenAsync(_world.Outsider.Browser));
            Assert.Equal(HttpStatusCode.OK, open[^1].StatusCode);

            // The browser closes one tab: its feed ends on the server, and the next one opens.
            open[0].Dispose();
            open.RemoveAt(0);
            var next = await Eventually.ReachesAsync(async () =>
            {
                var response = await OpenAsync(_world.Member.Browser);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    response.Dispose();
                    return null;
                }

                return response;
            }, response => response is not null, TimeSpan.FromSeconds(15), "a feed opening after one closed");
            open.Add(next!);
        }
        finally
        {
            open.ForEach(response => response.Dispose());
        }
    }

    private static Task<HttpResponseMessage> OpenAsync(Browser browser) =>
        browser.SendAsync(HttpMethod.Get, "/live/phone-numbers", null, completion: HttpCompletionOption.ResponseHeadersRead);
}
