using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Projects;

namespace CallPing.WebFrontend.Intake;

/// <summary>
/// What every intake endpoint shares: its options, the per-key rate limit, API key authentication (through this
/// node's <see cref="ApiKeyCache"/>), the JSON settings, and the places for alerts in flight (Intake:MaxInFlight).
/// One per application, made when the endpoints are mapped, so that all four formats draw on the same per-key limit.
/// </summary>
public sealed class IntakeGate : IDisposable
{
    private static readonly ConditionalWeakTable<IServiceProvider, IntakeGate> Gates = [];

    private readonly IntakeRateLimiter _limiter;
    private readonly ApiKeyCache _keys;
    private readonly SemaphoreSlim _inFlight;

    public IntakeGate(IntakeOptions options, IGrainFactory grains, TimeProvider time)
    {
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        Options = options;
        _keys = new ApiKeyCache(grains, time);
        _limiter = new IntakeRateLimiter(options);
        _inFlight = new SemaphoreSlim(options.MaxInFlight);
        NativeJson = IntakeJson.Native(options.MaxDepth);
        IntegrationJson = IntakeJson.Integration(options.MaxDepth);
    }

    public IntakeOptions Options { get; }

    public JsonSerializerOptions NativeJson { get; }

    public JsonSerializerOptions IntegrationJson { get; }

    /// <summary>The application's gate, made on first use from the "Intake" configuration section and disposed when the application stops.</summary>
    public static IntakeGate For(IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        return Gates.GetValue(services, static sp =>
        {
            var options = sp.GetRequiredService<IConfiguration>().GetSection(IntakeOptions.Section).Get<IntakeOptions>() ?? new IntakeOptions();
            var gate = new IntakeGate(options, sp.GetRequiredService<IGrainFactory>(), TimeProvider.System);
            sp.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(gate.Dispose);
            return gate;
        });
    }

    /// <summary>The key in "Authorization: Bearer cp_live_...", or null.</summary>
    public static string? BearerKeyOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }

    /// <summary>The project of a presented key after the key's rate limit; a failure (401 or 429) otherwise.</summary>
    public async Task<(string? ProjectId, IntakeFailure? Failure)> AdmitAsync(string? presentedKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(presentedKey))
        {
            return (null, Unauthorized);
        }

        var hash = ApiKeys.HashOf(presentedKey);
        if (await _limiter.AcquireAsync(hash, cancellationToken) is { } retryAfter)
        {
            return (null, new IntakeFailure(StatusCodes.Status429TooManyRequests, null, "Too many requests for this API key.") { RetryAfter = retryAfter });
        }

        var projectId = await _keys.ProjectOfAsync(hash);
        return projectId is null ? (null, Unauthorized) : (projectId, null);
    }

    /// <summary>
    /// Hands an event to its dedup grain (<see cref="IntakeSubmitter"/>) once one of the places in flight is free; the
    /// waiters get theirs in the order they came. A request given up while waiting stores nothing.
    /// </summary>
    public async Task<IntakeResult> SubmitAsync(IGrainFactory grains, AlertEvent alertEvent, ILogger logger, CancellationToken cancellationToken)
    {
        using var place = await EnterAsync(cancellationToken);
        return await IntakeSubmitter.SubmitAsync(grains, alertEvent, logger);
    }

    /// <summary>One of the places in flight, held until disposed; waits, in arrival order, while all are taken.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _inFlight.WaitAsync(cancellationToken);
        return new Place(_inFlight);
    }

    /// <summary>
    /// Submits a webhook's events one after another, in the order they came, so that a firing and a resolved state of
    /// one alert in a single payload are applied in that order.
    /// </summary>
    public async Task<IReadOnlyList<IntakeResult>> SubmitAllAsync(IGrainFactory grains, IReadOnlyList<AlertEvent> events, ILogger logger, CancellationToken cancellationToken)
    {
        var results = new List<IntakeResult>(events.Count);
        foreach (var alertEvent in events)
        {
            // Once the first is stored the rest follow, so that a payload is never applied in part.
            results.Add(await SubmitAsync(grains, alertEvent, logger, results.Count == 0 ? cancellationToken : CancellationToken.None));
        }

        return results;
    }

    /// <summary>
    /// Revokes a project's live key and refuses it on this node from now on, rather than when this node's confirmation
    /// of it runs out (other nodes refuse it within <see cref="ApiKeyCache.ConfirmedFor"/>). False when the project has
    /// no live key of that id.
    /// </summary>
    public async Task<bool> RevokeAsync(IProjectGrain project, string keyId, AuditContext? by)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (await project.RevokeApiKeyAsync(keyId, by) is not { } hash)
        {
            return false;
        }

        _keys.Forget(hash);
        return true;
    }

    // The places in flight are not disposed: a request still running at shutdown must be able to give its place back,
    // and a SemaphoreSlim holds nothing to release unless its wait handle is asked for.
    public void Dispose() => _limiter.Dispose();

    private sealed class Place(SemaphoreSlim places) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                places.Release();
            }
        }
    }

    private static IntakeFailure Unauthorized { get; } =
        new(StatusCodes.Status401Unauthorized, "Authorization", "A valid CallPing API key is required.");
}
