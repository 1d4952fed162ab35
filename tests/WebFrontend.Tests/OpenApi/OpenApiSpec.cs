using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace CallPing.WebFrontend.Tests.OpenApi;

/// <summary>Reads an OpenAPI document with Microsoft.OpenApi's reader and checks it against the library's default rule set.</summary>
public static class OpenApiSpec
{
    /// <summary>The parsed document, its OpenAPI version, and every reader error and rule violation, as text.</summary>
    public static (OpenApiDocument? Document, OpenApiSpecVersion Version, IReadOnlyList<string> Errors) Read(string json)
    {
        var (document, diagnostic) = OpenApiDocument.Parse(json, OpenApiConstants.Json, new OpenApiReaderSettings());
        var errors = diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}").ToList() ?? ["the reader gave no diagnostic"];
        if (document is not null)
        {
            errors.AddRange(document.Validate(ValidationRuleSet.GetDefaultRuleSet()).Select(e => $"{e.Pointer}: {e.Message}"));
        }

        return (document, diagnostic?.SpecificationVersion ?? default, errors);
    }
}
