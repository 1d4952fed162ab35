using CallPing.Grains.Interfaces.Models;
using Orleans.Concurrency;

namespace CallPing.Grains.Interfaces.Alerts;

/// <summary>
/// A project's alerts with their status, so that they are listed without scanning the store. Each alert tells it
/// (and tells it again until it answers): it is told after intake's answer, never on its path. Key: the project id.
/// </summary>
[Alias("callping.IAlertIndexGrain")]
public interface IAlertIndexGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records an alert or its new status, once it is stored. Idempotent, and a status never goes back. False when the
    /// project is deleted and the alert is still open: it should resolve itself.
    /// </summary>
    [Alias("Put")]
    Task<bool> PutAsync(AlertListing listing);

    /// <summary>Page <paramref name="page"/> (from 1) of the alerts, newest first; only those of <paramref name="status"/> when given.</summary>
    [Alias("GetPage"), ReadOnly]
    Task<AlertPage> GetPageAsync(AlertStatus? status, int page);

    /// <summary>
    /// The project is being deleted: resolves every open alert the index lists, and from now on answers an open alert
    /// that reports itself with false. Idempotent.
    /// </summary>
    [Alias("Close")]
    Task CloseAsync();
}
