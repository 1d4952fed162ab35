using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CallPing.TestSupport.Accounts;

/// <summary>
/// One person's browser on CallPing's account API: it keeps the cookies the server sets (by hand, so that Secure
/// cookies also travel to a test server on plain HTTP, which says it sits behind a TLS proxy with
/// X-Forwarded-Proto) and sends the session's antiforgery token on every change once it has fetched one.
/// </summary>
public sealed class Browser(HttpClient http) : IDisposable
{
    public const string SessionCookie = "__Host-callping-session";

    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>A browser on a web process reached over real HTTP.</summary>
    public static Browser For(Uri baseAddress) =>
        new(new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>The antiforgery token sent in X-CSRF-Token; null sends none.</summary>
    public string? CsrfToken { get; set; }

    /// <summary>Raw Set-Cookie headers of the last response.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    public string? Cookie(string name) => _cookies.GetValueOrDefault(name);

    /// <summary>Copies another browser's cookies, as a thief with a stolen cookie would.</summary>
    public void CopyCookiesFrom(Browser other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (name, value) in other._cookies)
        {
            _cookies[name] = value;
        }
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body ?? new { });

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    // completion: ResponseHeadersRead for a stream the test reads (or leaves open) itself.
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, object? body, HttpContent? content = null, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content ?? (body is null ? null : JsonContent.Create(body)) };
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        request.Headers.Add("X-Forwarded-Proto", "https");
        if (CsrfToken is not null)
        {
            request.Headers.Add("X-CSRF-Token", CsrfToken);
        }

        var response = await http.SendAsync(request, completion);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var setCookies) ? [.. setCookies] : [];
        foreach (var setCookie in LastSetCookies)
        {
            var pair = setCookie.Split(';')[0];
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
            var expired = setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (value.Length == 0 || expired)
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }

        return response;
    }

    /// <summary>Fetches this session's antiforgery token and sends it from now on.</summary>
    public async Task FetchCsrfAsync()
    {
        using var response = await GetAsync("/api/v1/auth/csrf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        CsrfToken = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
    }

    /// <summary>Signs up, follows the e-mailed link, and checks both steps worked.</summary>
    public async Task SignUpVerifiedAsync(SmtpServer smtp, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        using (var signUp = await PostAsync("/api/v1/auth/signup", new { email, password }))
        {
            Assert.True(signUp.StatusCode == HttpStatusCode.Accepted, $"sign-up: {(int)signUp.StatusCode} {await signUp.Content.ReadAsStringAsync()}");
        }

        var token = await smtp.NextTokenAsync(email, "verify-email");
        using var verify = await PostAsync("/api/v1/auth/verify-email", new { token });
        Assert.True(verify.StatusCode == HttpStatusCode.NoContent, $"verify: {(int)verify.StatusCode} {await verify.Content.ReadAsStringAsync()}");
    }

    /// <summary>Logs in with the password (no TOTP) and fetches the session's antiforgery token.</summary>
    public async Task LogInAsync(string email, string password, bool staySignedIn = false)
    {
        using (var login = await PostAsync("/api/v1/auth/login", new { email, password, staySignedIn }))
        {
            Assert.True(login.StatusCode == HttpStatusCode.OK, $"login: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
            Assert.False((await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totpRequired").GetBoolean());
        }

        await FetchCsrfAsync();
    }

    /// <summary>The status of GET /api/v1/me: 200 while the session lives.</summary>
    public async Task<HttpStatusCode> MeStatusAsync()
    {
        using var response = await GetAsync("/api/v1/me");
        return response.StatusCode;
    }

    public void Dispose() => http.Dispose();
}
