namespace CallPing.WebFrontend.Hosting;

/// <summary>Lets a separate web process find the cluster's gateways.</summary>
public static class StorageClientBuilderExtensions
{
    /// <summary>
    /// Reads the gateway list from the PostgreSQL membership table, after a first connection shows the store can be
    /// used (<see cref="ClusterStoreCheck"/>). A SQLite store serves one silo that hosts the web
    /// role itself, so a separate client process has no cluster to join and is refused.
    /// </summary>
    /// <exception cref="StartupRefusedException">The store is SQLite.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid.</exception>
    public static IClientBuilder UseCallPingClustering(this IClientBuilder client, StorageOptions storage)
    {
        storage.ThrowIfInvalid();
        if (storage.Provider != StorageProvider.Postgres)
        {
            throw new StartupRefusedException(
                "A separate web process needs a cluster store: set Storage:Provider=Postgres and Storage:ConnectionString. " +
                "With Storage:Provider=Sqlite the Silo serves the web role itself (Silo:Roles=web,worker).");
        }

        client.Services.AddSingleton<IStartupCheck>(new ClusterStoreCheck(storage.ConnectionString!));
        client.UseAdoNetClustering(options =>
        {
            options.Invariant = "Npgsql";
            options.ConnectionString = storage.ConnectionString;
        });
        return client;
    }
}
