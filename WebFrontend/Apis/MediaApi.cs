using CallPing.Grains.Interfaces.Speech;
using CallPing.Grains.Speech;
using Microsoft.Net.Http.Headers;

namespace CallPing.WebFrontend.Apis;

/// <summary>
/// Spoken prompts for the PBXes, which fetch them by URL (res_http_media_cache): GET and HEAD of a signed, unexpired
/// <c>/media/{purpose}/{key}-{signature}.wav</c> answer the 8 kHz WAV; anything else is 404. The web role serves them
/// because a URL must outlive the silo that rendered it: any web node answers any URL by asking the speech grain,
/// wherever it lives. For PBXes, not API clients: left out of the OpenAPI document.
/// </summary>
public static class MediaApi
{
    /// <summary>
    /// How long the PBX may play its cached copy without asking again. A URL is valid for a day at most and its audio
    /// never changes (the path is its content's address), so this only bounds how long a purged PBX cache stays purged.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    public const string ContentType = "audio/wav";

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMethods($"{MediaUrls.PathPrefix}/{{purpose}}/{{file}}", [HttpMethods.Get, HttpMethods.Head], GetMediaAsync)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> GetMediaAsync(string purpose, string file, HttpContext context, MediaUrls urls, IGrainFactory grains)
    {
        if (await urls.VerifyAsync(purpose, file, TimeProvider.System.GetUtcNow()) is not { } key)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.GetTypedHeaders();
        var etag = new EntityTagHeaderValue($"\"{key}\"");
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = MaxAge };
        // The audio of a key never changes, so a PBX that has it is told so without its text being rendered again.
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (await grains.GetGrain<ISpeechGrain>(key).GetAudioAsync() is not { } audio)
        {
            return TypedResults.NotFound();
        }

        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.ContentType = ContentType;
            context.Response.ContentLength = audio.Length;
            return TypedResults.Empty;
        }

        return TypedResults.Bytes(audio, ContentType);
    }
}
