using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CallPing.Ari.Models;

namespace CallPing.Ari;

/// <summary>
/// The ARI REST calls CallPing makes. ARI errors raise <see cref="AriException"/>; an unreachable or
/// silent PBX raises <see cref="AriUnavailableException"/> so that callers can fail over.
/// </summary>
public sealed class AriClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly AriConnectionOptions _options;
    private readonly string _authorization;

    /// <summary>Uses a shared HttpClient (e.g. from IHttpClientFactory); its own Timeout also applies.</summary>
    public AriClient(HttpClient http, AriConnectionOptions options)
    {
        _http = http;
        _options = options;
        _authorization = BasicAuth.HeaderValue(options.User, options.Password);
    }

    /// <summary>Creates and owns its HttpClient.</summary>
    public AriClient(AriConnectionOptions options)
        : this(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, options)
    {
        _ownsHttp = true;
    }

    public AriConnectionOptions Options => _options;

    public async Task<AsteriskInfo> GetAsteriskInfoAsync(CancellationToken cancellationToken = default) =>
        await GetRequiredAsync<AsteriskInfo>("asterisk/info", cancellationToken);

    public async Task<AsteriskPing> PingAsync(CancellationToken cancellationToken = default) =>
        await GetRequiredAsync<AsteriskPing>("asterisk/ping", cancellationToken);

    /// <summary>Starts a call; it returns once the channel exists (state Down), long before anyone answers.</summary>
    public async Task<Channel> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken = default)
    {
        var query = new AriQuery()
            .Add("endpoint", request.Endpoint)
            .Add("app", request.App ?? _options.App)
            .Add("appArgs", request.AppArgs.Count > 0 ? string.Join(',', request.AppArgs) : null)
            .Add("callerId", request.CallerId)
            .Add("timeout", request.TimeoutSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        HttpContent? body = request.Variables is { Count: > 0 } variables
            ? JsonContent.Create(new { variables }, options: AriJson.Options)
            : null;
        using var response = await SendAsync(HttpMethod.Post, $"channels/{Escape(request.ChannelId)}{query}", body, cancellationToken);
        return await ReadAsync<Channel>(response, cancellationToken);
    }

    /// <inheritdoc cref="OriginateAsync(OriginateRequest, CancellationToken)"/>
    public Task<Channel> OriginateAsync(
        string channelId,
        string endpoint,
        string? app,
        IReadOnlyList<string> appArgs,
        string? callerId,
        int? timeoutSeconds,
        IReadOnlyDictionary<string, string>? variables,
        CancellationToken cancellationToken = default) =>
        OriginateAsync(
            new OriginateRequest(channelId, endpoint)
            {
                App = app,
                AppArgs = appArgs,
                CallerId = callerId,
                TimeoutSeconds = timeoutSeconds,
                Variables = variables,
            },
            cancellationToken);

    /// <summary>The channel, or null when it no longer exists (hung up, or the PBX restarted).</summary>
    public async Task<Channel?> GetChannelAsync(string channelId, CancellationToken cancellationToken = default) =>
        await GetOptionalAsync<Channel>($"channels/{Escape(channelId)}", cancellationToken);

    public async Task AnswerAsync(string channelId, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Post, $"channels/{Escape(channelId)}/answer", null, cancellationToken);
    }

    /// <summary>
    /// Hangs up with an ARI reason ("normal", "busy", "congestion", "no_answer", ...). A channel that is
    /// already gone counts as hung up: the result is then false.
    /// </summary>
    public async Task<bool> HangupAsync(string channelId, string reason = "normal", CancellationToken cancellationToken = default)
    {
        var query = new AriQuery().Add("reason", reason);
        try
        {
            using var response = await SendAsync(HttpMethod.Delete, $"channels/{Escape(channelId)}{query}", null, cancellationToken);
            return true;
        }
        catch (AriException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>
    /// Plays media ("sound:...", "sound:https://...wav", "digits:123") one after another, after any playback still
    /// running or queued on the channel. The list goes in the JSON body: Asterisk keeps only the last of repeated
    /// "media" query keys, and a comma list would split a URL that holds a comma.
    /// </summary>
    public async Task<Playback> PlayAsync(string channelId, string playbackId, IReadOnlyList<string> media, CancellationToken cancellationToken = default)
    {
        var body = new StringContent(JsonSerializer.Serialize(new { media }, AriJson.Options), Encoding.UTF8, "application/json");
        using var response = await SendAsync(HttpMethod.Post, $"channels/{Escape(channelId)}/play/{Escape(playbackId)}", body, cancellationToken);
        return await ReadAsync<Playback>(response, cancellationToken);
    }

    /// <summary>
    /// Stops a playback: a playing one ends at once, a queued one never starts. Asterisk plays a channel's playbacks one
    /// after another, so this is how a new one starts now. False when it was already over (ARI forgets finished ones).
    /// </summary>
    public async Task<bool> StopPlaybackAsync(string playbackId, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await SendAsync(HttpMethod.Delete, $"playbacks/{Escape(playbackId)}", null, cancellationToken);
            return true;
        }
        catch (AriException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>The application and its channel_ids, for reconciling after a reconnect; null if unknown.</summary>
    public async Task<Application?> GetApplicationAsync(string? app = null, CancellationToken cancellationToken = default) =>
        await GetOptionalAsync<Application>($"applications/{Escape(app ?? _options.App)}", cancellationToken);

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<T> GetRequiredAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private async Task<T?> GetOptionalAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await GetRequiredAsync<T>(path, cancellationToken);
        }
        catch (AriException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, _options.ResourceUrl(path)) { Content = body };
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
        }
        catch (HttpRequestException e)
        {
            throw new AriUnavailableException($"PBX {_options.BaseUrl} unreachable: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Without the query: an originate's carries the dialled number, which must not reach logs or the call log.
            throw new AriUnavailableException($"PBX {_options.BaseUrl} did not answer {method} {path.Split('?')[0]} within {_options.RequestTimeout}", e);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new AriException(response.StatusCode, AriErrorBody.Message(text, response.ReasonPhrase));
            }
        }

        return response;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var value = await response.Content.ReadFromJsonAsync<T>(AriJson.Options, cancellationToken);
        return value ?? throw new AriException(response.StatusCode, $"Empty {typeof(T).Name} in the response.");
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
