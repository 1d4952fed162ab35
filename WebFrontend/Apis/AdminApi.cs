using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using CallPing.Grains.Calls;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Projects;
using CallPing.WebFrontend.Admin;
using CallPing.WebFrontend.Intake;

namespace CallPing.WebFrontend.Apis;

/// <summary>Operator endpoints behind the admin bearer token: create a project with its first API key, read a project, revoke a key.</summary>
public static class AdminApi
{
    public const string SeedKeyLabel = "seed";

    // The grain names the request's fields; the API answers with the JSON names the caller sent.
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        [nameof(CreateProjectRequest.Name)] = "name",
        [nameof(CreateProjectRequest.Contacts)] = "contacts",
        [nameof(EscalationPolicy.RingTimeout)] = "ringTimeoutSeconds",
        [nameof(EscalationPolicy.StepDelay)] = "stepDelaySeconds",
        [nameof(EscalationPolicy.Repeats)] = "repeats",
    };

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Made here, at start, when no host registered it: the token file is created and its path logged once.
        var token = ActivatorUtilities.GetServiceOrCreateInstance<AdminToken>(endpoints.ServiceProvider);
        var admin = endpoints.MapGroup("/admin").WithTags("Admin")
            .AddEndpointFilter(new AdminTokenFilter(token))
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        admin.MapPost("/projects", CreateProjectAsync)
            .Accepts<CreateProjectBody>("application/json")
            .WithName("CreateProject").WithSummary("Creates a project and issues its first API key, which this answer shows once.")
            .WithDescription("Contacts are E.164 numbers, called in order; ring timeout, step delay and repeats default to the standard policy.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/projects/{id}", GetProjectAsync)
            .WithName("GetProject").WithSummary("A project with masked contacts and its API keys without secrets.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var gate = IntakeGate.For(endpoints);
        admin.MapPost("/projects/{id}/keys/{keyId}/revoke", (string id, string keyId, HttpContext context, IGrainFactory grains) => RevokeApiKeyAsync(id, keyId, context, grains, gate))
            .WithName("RevokeApiKey").WithSummary("Revokes a live API key of a project: this web node refuses it at once, the others within 2 s; a key revoked already is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    // The body is read here rather than bound, so that the token filter runs before any body is looked at
    // and a malformed body is answered with the field it broke.
    private static async Task<Results<Created<CreatedProject>, ValidationProblem, ProblemHttpResult>> CreateProjectAsync(
        HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        CreateProjectBody? body;
        try
        {
            body = await request.ReadFromJsonAsync<CreateProjectBody>(cancellationToken);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path[2..] : "body";
            return Invalid(field, $"'{field}' has the wrong type, or the body is not valid JSON.");
        }
        catch (InvalidOperationException)
        {
            return Invalid("body", "Send the project as application/json.");
        }

        if (body is null)
        {
            return Invalid("body", "Send the project as a JSON object.");
        }

        var create = new CreateProjectRequest(body.Name!, body.Contacts!, PolicyOf(body));
        try
        {
            // Validated here as well as in the grain: an exception that crosses a grain call loses its ParamName, the field.
            ProjectRules.Validate(create);
        }
        catch (ArgumentException e)
        {
            return Invalid(FieldNames.GetValueOrDefault(e.ParamName ?? "", "body"), MessageOf(e));
        }

        var projectId = ProjectIds.New(body.Name);
        var project = grains.GetGrain<IProjectGrain>(projectId);
        ProjectView view;
        try
        {
            view = await project.CreateAsync(create);
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Project exists");
        }

        var key = await project.IssueApiKeyAsync(SeedKeyLabel);
        return TypedResults.Created($"/admin/projects/{projectId}",
            new CreatedProject(projectId, view.Name, Masked(view.Contacts), key.Key, key.Prefix));
    }

    private static async Task<Results<Ok<ProjectView>, ProblemHttpResult>> GetProjectAsync(string id, IGrainFactory grains)
    {
        var view = await grains.GetGrain<IProjectGrain>(id).GetAsync();
        return view is null
            ? TypedResults.Problem($"There is no project {id}.", statusCode: StatusCodes.Status404NotFound, title: "No such project")
            : TypedResults.Ok(view with { Contacts = Masked(view.Contacts) });
    }

    // An organisation's project records the operator's revocation in its audit log; the operator is no user of it.
    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeApiKeyAsync(string id, string keyId, HttpContext context, IGrainFactory grains, IntakeGate gate)
    {
        var project = grains.GetGrain<IProjectGrain>(id);
        var by = new AuditContext(AuditContext.Operator, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return await project.GetAsync() is not null && await gate.RevokeAsync(project, keyId, by)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"Project {id} has no live API key {keyId}.", statusCode: StatusCodes.Status404NotFound, title: "No such key");
    }

    private static EscalationPolicy? PolicyOf(CreateProjectBody body)
    {
        if (body is { RingTimeoutSeconds: null, StepDelaySeconds: null, Repeats: null })
        {
            return null;
        }

        var defaults = EscalationPolicy.Default;
        return new EscalationPolicy(
            body.RingTimeoutSeconds is { } ring ? TimeSpan.FromSeconds(ring) : defaults.RingTimeout,
            body.StepDelaySeconds is { } step ? TimeSpan.FromSeconds(step) : defaults.StepDelay,
            body.Repeats ?? defaults.Repeats);
    }

    private static List<string> Masked(IReadOnlyList<string> numbers) => [.. numbers.Select(CallGrain.Mask)];

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    // ArgumentException.Message ends in " (Parameter 'X')"; the field is named by the error's key instead.
    private static string MessageOf(ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
}
