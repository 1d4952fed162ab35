using System.Diagnostics;
using Npgsql;
using Orleans.Runtime.Messaging;

namespace CallPing.WebFrontend.Hosting;

/// <summary>
/// Keeps the web-only process's Orleans client trying to join the cluster while no worker silo is there to join:
/// in a fresh deployment the web pods may well start before the silos (which also apply the store's schema). Each
/// failed attempt says in one warning what is awaited, and the next follows after a delay that doubles up to
/// <see cref="MaxDelay"/>; meanwhile the readiness probe names what is awaited. Any other failure ends the start,
/// as it would without this filter.
/// </summary>
public sealed class WaitForWorkerSilo(ILogger<WaitForWorkerSilo> logger) : IClientConnectionRetryFilter, IHostedLifecycleService
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _waited = new();
    private TimeSpan _delay = FirstDelay;

    /// <summary>True once the client has joined the cluster (every hosted service has started).</summary>
    public bool Joined { get; private set; }

    /// <summary>What the last failed attempt to join lacked; null before the first failure and once joined.</summary>
    public string? Awaited { get; private set; }

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested || WhatIsMissing(exception) is not { } missing)
        {
            return false;
        }

        _waited.Start();
        Awaited = missing;
        logger.LogWarning("Waiting for a worker silo to join the cluster: {Missing} ({Reason}). Waited {Waited:0} s so far; trying again in {Delay:0} s.",
            missing, exception is PostgresException postgres ? postgres.MessageText : exception.Message, _waited.Elapsed.TotalSeconds, _delay.TotalSeconds);
        try
        {
            await Task.Delay(_delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        _delay = TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, MaxDelay.Ticks));
        return true;
    }

    /// <summary>What the cluster lacks for this failure to pass once a worker silo runs; null for a failure that means something else.</summary>
    public static string? WhatIsMissing(Exception exception) => exception switch
    {
        // No row of a live silo in the membership table.
        SiloUnavailableException => "no silo is listed in the membership table",
        // A listed gateway that does not answer: a silo that died, or one still starting.
        ConnectionFailedException or OrleansMessageRejectionException or TimeoutException => "no listed silo answers",
        // A fresh store: the first silo applies the schema (the membership table and its queries) when it starts.
        PostgresException { SqlState: PostgresErrorCodes.UndefinedTable } => "the store has no schema yet; the first silo applies it",
        AggregateException { InnerExceptions.Count: 1 } aggregate => WhatIsMissing(aggregate.InnerExceptions[0]),
        _ => null,
    };

    /// <summary>Called once every hosted service has started, the cluster client included: it has joined.</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        Joined = true;
        if (Awaited is not null)
        {
            // At the waiting lines' level, so that a log kept to warnings shows that the wait ended.
            logger.LogWarning("Joined the cluster after waiting {Waited:0} s for a worker silo.", _waited.Elapsed.TotalSeconds);
            Awaited = null;
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
