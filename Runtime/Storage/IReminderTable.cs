namespace CallPing.Runtime.Storage;

/// <summary>Durable reminders, claimed by worker silos when due.</summary>
public interface IReminderTable
{
    /// <summary>Registers or replaces a reminder and returns it.</summary>
    Task<ReminderEntry> UpsertAsync(string grainType, string grainKey, string name, DateTimeOffset dueAt, TimeSpan period, CancellationToken cancellationToken);

    Task<ReminderEntry?> GetAsync(string grainType, string grainKey, string name, CancellationToken cancellationToken);

    Task DeleteAsync(string grainType, string grainKey, string name, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> due reminders for <paramref name="claimFor"/>.</summary>
    Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(string siloId, int max, TimeSpan claimFor, CancellationToken cancellationToken);

    /// <summary>The earliest due time among unclaimed reminders, or null when there are none.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

    /// <summary>After a delivery: deletes a one-shot reminder or moves a periodic one to its next tick after now.</summary>
    Task CompleteAsync(ReminderEntry delivered, CancellationToken cancellationToken);

    /// <summary>On a graceful stop: gives back every claim of <paramref name="siloId"/> so another silo delivers at once.</summary>
    Task ReleaseClaimsAsync(string siloId, CancellationToken cancellationToken);

    /// <summary>After a failed delivery: releases the claim, if <paramref name="siloId"/> still holds it, and makes it due again after <paramref name="retryAfter"/>.</summary>
    Task RetryAsync(ReminderEntry delivered, string siloId, TimeSpan retryAfter, CancellationToken cancellationToken);
}
