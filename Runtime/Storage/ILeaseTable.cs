namespace CallPing.Runtime.Storage;

/// <summary>Named leases with holder and expiry ("pbx:pbx-3", "singleton:retention").</summary>
public interface ILeaseTable
{
    /// <summary>Takes the lease, or renews it when <paramref name="holder"/> already holds it. False when another holds an unexpired lease.</summary>
    Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up if <paramref name="holder"/> holds it.</summary>
    Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken);

    /// <summary>The current unexpired holder, or null.</summary>
    Task<string?> GetHolderAsync(string name, CancellationToken cancellationToken);
}
