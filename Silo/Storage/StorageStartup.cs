namespace CallPing.Silo.Storage;

/// <summary>
/// Readies the store at the very first stage of the silo lifecycle. Orleans' ADO.NET providers read their queries
/// from OrleansQuery when they initialise (membership at RuntimeInitialize, storage at ApplicationServices, reminders
/// later still), so they never see a database without its tables.
/// </summary>
internal sealed class StorageStartup(CallPingStore store) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(StorageStartup), ServiceLifecycleStage.First, store.StartAsync);
}
