using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CallPing.Ari.Tests.Infrastructure;

/// <summary>
/// A web server on 127.0.0.1 that serves scripted media files to a PBX, answers If-None-Match with 304 when the ETag
/// matches, and keeps every request it got. Paths nobody scripted get 404.
/// </summary>
internal sealed class MediaServer : IAsyncDisposable
{
    private readonly Dictionary<string, MediaAnswer> _answers = [];
    private readonly List<MediaRequest> _requests = [];
    private readonly Lock _lock = new();
    private readonly WebApplication _app;

    private MediaServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<MediaRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<MediaServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var server = new MediaServer(builder.Build());
        server._app.Run(server.AnswerAsync);
        await server._app.StartAsync();
        server.BaseUrl = new Uri(server._app.Urls.First());
        return server;
    }

    /// <summary>Serves <paramref name="answer"/> at <paramref name="path"/> from now on; returns the "sound:" medium for it.</summary>
    public string Serve(string path, MediaAnswer answer)
    {
        lock (_lock)
        {
            _answers[path] = answer;
        }

        return $"sound:{new Uri(BaseUrl, path)}";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        MediaAnswer? answer;
        lock (_lock)
        {
            _requests.Add(new MediaRequest(request.Method, request.Path, request.Headers.IfNoneMatch.ToString(), DateTimeOffset.UtcNow));
            answer = _answers.GetValueOrDefault(request.Path.Value!);
        }

        if (answer is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await Task.Delay(answer.Delay, context.RequestAborted);
        var response = context.Response;
        if (answer.CacheControl is not null)
        {
            response.Headers.CacheControl = answer.CacheControl;
        }

        if (answer.ETag is not null)
        {
            response.Headers.ETag = answer.ETag;
            if (request.Headers.IfNoneMatch == answer.ETag)
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        response.StatusCode = answer.Status;
        response.ContentType = answer.ContentType;
        response.ContentLength = answer.Body.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(answer.Body, context.RequestAborted);
        }
    }
}

/// <summary>What <see cref="MediaServer"/> answers at one path.</summary>
internal sealed record MediaAnswer(byte[] Body, string? ContentType = "audio/wav", int Status = 200)
{
    public string? CacheControl { get; init; }

    public string? ETag { get; init; }

    /// <summary>How long the server takes before it answers.</summary>
    public TimeSpan Delay { get; init; }
}

/// <summary>One request the media server got.</summary>
internal sealed record MediaRequest(string Method, string Path, string IfNoneMatch, DateTimeOffset At);
