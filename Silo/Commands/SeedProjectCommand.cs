using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CallPing.WebFrontend.Hosting;
using CallPing.WebFrontend.Admin;

namespace CallPing.Silo.Commands;

/// <summary>
/// <c>seed-project</c>: creates a project through the running silo's admin endpoint and prints its first API key.
/// A client only: the SQLite store belongs to the running silo, so this never opens it.
/// </summary>
public static class SeedProjectCommand
{
    public const string Name = "seed-project";
    private const int Failed = 2;
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (arguments, problem) = SeedProjectArguments.Parse(args);
        if (arguments is null)
        {
            return await FailAsync(error, problem!);
        }

        // The silo's own configuration (appsettings.json in the working directory, environment), read as the silo reads it.
        var configuration = WebApplication.CreateBuilder().Configuration;
        var url = (arguments.Url ?? FirstUrl(configuration["Urls"])).TrimEnd('/');
        var dataFolder = (configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions()).DataFolder;
        var tokenFile = AdminToken.PathIn(dataFolder);
        var token = configuration[AdminToken.ConfigurationKey]?.Trim() is { Length: > 0 } configured ? configured : AdminToken.ReadFile(tokenFile);
        if (string.IsNullOrEmpty(token))
        {
            return await FailAsync(error, $"No admin token: {tokenFile} does not exist and {AdminToken.ConfigurationKey} is not set; start CallPing once (dotnet run --project Silo) to create it.");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{url}/admin/projects")
        {
            Content = JsonContent.Create(
                new CreateProjectBody(arguments.Name, arguments.Contacts, arguments.RingTimeoutSeconds, arguments.StepDelaySeconds, arguments.Repeats),
                options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            return await FailAsync(error, $"CallPing is not running at {url}; start it with: dotnet run --project Silo");
        }
        catch (TaskCanceledException)
        {
            return await FailAsync(error, $"CallPing at {url} did not answer within {http.Timeout.TotalSeconds:0} s.");
        }

        using (response)
        {
            return response.StatusCode switch
            {
                HttpStatusCode.Created => await PrintAsync(output, await response.Content.ReadFromJsonAsync<CreatedProject>(Json)),
                HttpStatusCode.BadRequest => await FailAsync(error, $"CallPing refused the project: {await FieldErrorsAsync(response)}"),
                HttpStatusCode.Unauthorized => await FailAsync(error,
                    $"CallPing at {url} refused the admin token (401); it must be the running silo's {AdminToken.ConfigurationKey} or the token in {tokenFile}."),
                _ => await FailAsync(error, $"CallPing at {url} answered {(int)response.StatusCode} {response.ReasonPhrase}."),
            };
        }
    }

    private static async Task<int> PrintAsync(TextWriter output, CreatedProject? created)
    {
        ArgumentNullException.ThrowIfNull(created);
        await output.WriteLineAsync($"Project {created.Name} created: {created.ProjectId}");
        await output.WriteLineAsync($"API key (shown once): {created.ApiKey}");
        return 0;
    }

    private static async Task<int> FailAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync(message);
        return Failed;
    }

    /// <summary>"field: message" for each field of a validation problem, on one line.</summary>
    private static async Task<string> FieldErrorsAsync(HttpResponseMessage response)
    {
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (problem.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                return string.Join("; ", errors.EnumerateObject().Select(field =>
                    $"{field.Name}: {string.Join(" ", field.Value.EnumerateArray().Select(m => m.GetString()))}"));
            }

            return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "bad request" : "bad request";
        }
        catch (JsonException)
        {
            return "bad request";
        }
    }

    /// <summary>The first of the silo's listen addresses, with a wildcard host replaced by the loopback address.</summary>
    private static string FirstUrl(string? urls)
    {
        var first = (urls ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "http://localhost:5000";
        foreach (var wildcard in new[] { "://*:", "://+:", "://0.0.0.0:", "://[::]:" })
        {
            first = first.Replace(wildcard, "://127.0.0.1:", StringComparison.Ordinal);
        }

        return first;
    }
}
