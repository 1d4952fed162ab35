using CallPing.Grains;
using CallPing.WebFrontend.Health;
using CallPing.WebFrontend.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace CallPing.Silo.Storage;

/// <summary>Puts a silo's clustering, grain storage and reminders on the configured store.</summary>
public static class StorageSiloBuilderExtensions
{
    /// <summary>
    /// Registers the <see cref="CallPingStore"/> (readied at the first lifecycle stage: locked, migrated), membership
    /// (ADO.NET on PostgreSQL; on SQLite, development clustering with this silo as its own primary, on the ports the
    /// host configured), grain storage <see cref="GrainStorage.Name"/> with System.Text.Json state, and ADO.NET
    /// reminders. Cluster id, service id and endpoints are the host's to configure.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid.</exception>
    public static ISiloBuilder AddCallPingStorage(this ISiloBuilder silo, StorageOptions storage)
    {
        storage.ThrowIfInvalid();
        // Created by the container so that it is disposed with the silo: that releases the SQLite file.
        silo.Services.AddSingleton(_ => CallPingStore.Create(storage));
        silo.Services.AddSingleton<IStartupCheck, StoreStartupCheck>();
        silo.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [HealthChecksHostingExtensions.ReadyTag]);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, StorageStartup>();

        if (storage.Provider == StorageProvider.Postgres)
        {
            silo.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> options) =>
                options.Configure<CallPingStore>((o, store) =>
                {
                    o.Invariant = store.Invariant;
                    o.DataSource = store.DataSource;
                }));
        }
        else
        {
            // Null primary endpoint = this silo's own endpoint, read from EndpointOptions when the silo starts.
            silo.UseDevelopmentClustering(primarySiloEndpoint: null);
        }

        silo.AddAdoNetGrainStorage(GrainStorage.Name, options => options.Configure<CallPingStore, IServiceProvider>((o, store, services) =>
        {
            o.Invariant = store.Invariant;
            o.DataSource = store.DataSource;
            // JSON rather than Orleans' binary format, so that an operator can read state with psql or sqlite3.
            o.GrainStorageSerializer = ActivatorUtilities.CreateInstance<SystemTextJsonGrainStorageSerializer>(services);
        }));

        silo.UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> options) =>
            options.Configure<CallPingStore>((o, store) =>
            {
                o.Invariant = store.Invariant;
                o.DataSource = store.DataSource;
            }));

        return silo;
    }
}
