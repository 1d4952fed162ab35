using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using CallPing.WebFrontend.Accounts;

namespace CallPing.WebFrontend.Tests.Portal;

/// <summary>
/// One browser tab on the portal that records what a person would not see but a broken page shows: console errors,
/// uncaught script errors and content policy violations (reported to the console by a listener Playwright adds
/// outside the page's policy). Every page it opens must carry the portal's content policy.
/// </summary>
public sealed class PortalTab : IAsyncDisposable
{
    // Runs in every document before the page's own script; Playwright's init scripts are not subject to the page's CSP.
    private const string ViolationListener =
        "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI));";

    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private PortalTab(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.SetDefaultTimeout(30_000);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (_errors)
                {
                    _errors.Add($"{message.Type}: {message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"uncaught: {error}");
            }
        };
    }

    public IPage Page { get; }

    public static async Task<PortalTab> OpenAsync(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.AddInitScriptAsync(ViolationListener);
        return new PortalTab(context, await context.NewPageAsync());
    }

    /// <summary>Opens a page (following redirects) and checks that it answered 200 with the portal's content policy.</summary>
    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"no response for {path}");

        Assert.Equal(200, response.Status);
        Assert.Equal(SecurityHeaders.PortalContentSecurityPolicy, await response.HeaderValueAsync("content-security-policy"));
    }

    /// <summary>
    /// Clicks a button of a form the page sends to the API and returns the API's answer, so that a test waiting for the
    /// page that follows can first say what the API answered.
    /// </summary>
    public Task<IResponse> ClickForApiAnswerAsync(ILocator button, string apiPath) =>
        Page.RunAndWaitForResponseAsync(() => button.ClickAsync(), response =>
            response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath == apiPath);

    /// <summary>A full-page screenshot under the test results folder, for a person to look at.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.ScreenshotFolder, $"{name}.png"), FullPage = true });

    /// <summary>axe-core, injected into the page by the test only, finds no serious or critical violation.</summary>
    public async Task AssertAccessibleAsync()
    {
        var result = await Page.RunAxe();

        var severe = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
        Assert.Empty(severe);
    }

    /// <summary>
    /// No console error or warning, no uncaught script error and no content policy violation so far, except the failed
    /// API answers the test caused on purpose, named by their status ("403"): Chromium logs each as a console error.
    /// </summary>
    public void AssertNoErrors(params string[] expectedFailedStatuses)
    {
        lock (_errors)
        {
            var unexpected = _errors.Where(e => !expectedFailedStatuses.Any(status =>
                e.Contains($"Failed to load resource: the server responded with a status of {status}", StringComparison.Ordinal))).ToList();
            Assert.Empty(unexpected);
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
