using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CallPing.WebFrontend.Intake;

/// <summary>
/// Reads an intake body as JSON within the size limit. The limit is enforced twice: on the server's body-size feature
/// (so Kestrel stops a chunked upload early) and by counting here (so every server, the test server included, answers 413).
/// </summary>
public static class IntakeBody
{
    public static async Task<(T? Value, IntakeFailure? Failure)> ReadJsonAsync<T>(
        HttpRequest request, JsonSerializerOptions json, int maxBytes, CancellationToken cancellationToken) where T : class
    {
        if (ContentTypeProblem(request) is { } unsupported)
        {
            return (null, unsupported);
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        // A broken upload (bad chunk, cut short, over the limit on Kestrel) throws BadHttpRequestException here, which
        // BadRequestExceptionHandler answers for every endpoint alike.
        var body = await ReadCappedAsync(request.Body, maxBytes, cancellationToken);

        if (body.Length > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        return Parse<T>(body, json);
    }

    /// <summary>Parses a complete body; public so that the mappers' tests read recorded payloads exactly as the endpoints do.</summary>
    public static (T? Value, IntakeFailure? Failure) Parse<T>(ReadOnlySpan<byte> body, JsonSerializerOptions json) where T : class
    {
        // A UTF-8 byte order mark is legal at the start of a JSON text (RFC 8259 lets a parser ignore it).
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body[3..];
        }

        if (body.IsEmpty)
        {
            return (null, new IntakeFailure(StatusCodes.Status400BadRequest, null, "The request body is empty; a JSON object is expected."));
        }

        if (!Utf8.IsValid(body))
        {
            return (null, new IntakeFailure(StatusCodes.Status400BadRequest, null, "The request body is not valid UTF-8."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, json);
            return value is null
                ? (null, new IntakeFailure(StatusCodes.Status400BadRequest, null, "The request body is null; a JSON object is expected."))
                : (value, null);
        }
        catch (JsonException e)
        {
            var field = FieldOf(e.Path);
            return (null, new IntakeFailure(StatusCodes.Status400BadRequest, field, Describe(e, field)));
        }
    }

    private static IntakeFailure? ContentTypeProblem(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !(mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            return new IntakeFailure(StatusCodes.Status415UnsupportedMediaType, null, "The body must be JSON sent as Content-Type: application/json.");
        }

        return mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            ? new IntakeFailure(StatusCodes.Status415UnsupportedMediaType, null, "The body must be UTF-8 JSON.")
            : null;
    }

    private static async Task<byte[]> ReadCappedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        // One byte past the limit tells "exactly at the limit" from "over it" without reading the rest.
        var buffer = new byte[maxBytes + 1];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return buffer[..filled];
    }

    private static IntakeFailure TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, null, $"The request body is larger than {maxBytes} bytes.");

    /// <summary>"$.alerts[0].labels" -> "alerts[0].labels"; null for the document itself.</summary>
    private static string? FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Describe(JsonException e, string? field)
    {
        // The serializer's own messages name .NET types; the client gets the JSON path and the kind of problem only.
        var where = field is null ? "The request body" : $"'{field}'";
        return e.Message switch
        {
            var m when m.Contains("maximum configured depth", StringComparison.Ordinal) => $"{where} is nested too deeply.",
            var m when m.Contains("could not be mapped", StringComparison.Ordinal) => $"{where} is not a known property.",
            var m when m.Contains("Duplicate property", StringComparison.Ordinal) => $"{where} appears more than once.",
            _ when field is null => "The request body is not a valid JSON object.",
            _ => $"{where} has the wrong type or is not valid JSON.",
        };
    }
}
