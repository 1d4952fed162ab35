using System.Text.Json;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Interfaces.Speech;
using CallPing.Grains.Projects;
using CallPing.Grains.Speech;
using CallPing.WebFrontend.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallPing.WebFrontend.Apis;

/// <summary>A project's voice, behind the admin token: set the voice and speed its calls speak with, and listen to a sample alert.</summary>
public static class ProjectSpeechApi
{
    public static IEndpointRouteBuilder MapProjectSpeechApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var token = ActivatorUtilities.GetServiceOrCreateInstance<AdminToken>(endpoints.ServiceProvider);
        var speech = endpoints.MapGroup("/admin/projects/{id}/speech").WithTags("Admin")
            .AddEndpointFilter(new AdminTokenFilter(token))
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        speech.MapPut("", SetSpeechAsync)
            .WithName("SetProjectSpeech").WithSummary("Sets the espeak-ng voice (en, uk, de, es, fr, ...) and speed in words a minute of the project's calls.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        speech.MapGet("/sample", ListenAsync)
            .WithName("ListenToProjectSpeech").WithSummary("The project's voice speaking a sample alert, as its calls would: 8 kHz mono WAV.")
            .Produces(StatusCodes.Status200OK, contentType: MediaApi.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    // The body is read here rather than bound, so that the token filter runs before any body is looked at.
    private static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> SetSpeechAsync(
        string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        ProjectSpeech? body;
        try
        {
            body = await request.ReadFromJsonAsync<ProjectSpeech>(cancellationToken);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return Invalid("body", "Send {\"voice\": \"en\", \"speed\": 160} as application/json.");
        }

        ProjectSpeech valid;
        try
        {
            // Validated here as well as in the grain: an exception that crosses a grain call loses its ParamName, the field.
            valid = ProjectRules.ValidSpeech(body ?? throw new ArgumentException("Send the voice and speed as a JSON object.", "body"));
        }
        catch (ArgumentException e)
        {
            return Invalid(e.ParamName?.ToLowerInvariant() ?? "body", e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
        }

        var project = grains.GetGrain<IProjectGrain>(id);
        if (await project.GetAsync() is null)
        {
            return NoProject(id);
        }

        return TypedResults.Ok(await project.SetSpeechAsync(valid));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ListenAsync(string id, IGrainFactory grains)
    {
        if (await grains.GetGrain<IProjectGrain>(id).GetAsync() is not { } project)
        {
            return NoProject(id);
        }

        var sample = PromptTexts.Sample(project.Name, project.Speech ?? ProjectSpeech.Default).Alert;
        var speech = grains.GetGrain<ISpeechGrain>(SpeechKey.Of(sample));
        await speech.PrepareAsync(sample);
        return await speech.GetAudioAsync() is { } audio
            ? TypedResults.File(audio, MediaApi.ContentType, "sample.wav")
            : TypedResults.Problem($"The sample could not be spoken with voice '{sample.Voice}' (see the silo's log).",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Speech unavailable");
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult NoProject(string id) =>
        TypedResults.Problem($"There is no project {id}.", statusCode: StatusCodes.Status404NotFound, title: "No such project");
}
