using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CallPing.Runtime.Activation;
using CallPing.Runtime.Membership;
using CallPing.Runtime.Outbox;
using CallPing.Runtime.Reminders;
using CallPing.Runtime.Storage;
using CallPing.Runtime.Storage.Postgres;
using CallPing.Runtime.Storage.Sqlite;

namespace CallPing.Runtime.Hosting;

public static class GrainRuntimeHostingExtensions
{
    /// <summary>
    /// Adds the grain runtime that every process needs: the store, activations, grain references, membership.
    /// <paramref name="grainAssemblies"/> hold the grain classes.
    /// </summary>
    public static IHostApplicationBuilder AddGrainRuntime(this IHostApplicationBuilder builder, params Assembly[] grainAssemblies)
    {
        var services = builder.Services;
        AddValidatedOptions<GrainRuntimeOptions>(services, GrainRuntimeOptions.Section);
        AddValidatedOptions<StorageOptions>(services, StorageOptions.Section);
        AddValidatedOptions<SiloOptions>(services, SiloOptions.Section);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => SiloIdentity.Create(sp.GetRequiredService<IOptions<SiloOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(CreateStore);
        services.AddSingleton(sp => sp.GetRequiredService<IRuntimeStore>().Sql);
        services.AddSingleton<IGrainStateStore, SqlGrainStateStore>();
        services.AddSingleton<IOutboxStore, SqlOutboxStore>();
        services.AddSingleton<IReminderTable, SqlReminderTable>();
        services.AddSingleton<ILeaseTable, SqlLeaseTable>();
        services.AddSingleton<IMembershipTable, SqlMembershipTable>();

        services.AddSingleton(new GrainTypeRegistry(grainAssemblies));
        services.AddSingleton<RuntimeSignals>();
        services.AddSingleton<ReminderRegistry>();
        services.AddSingleton<GrainActivator>();
        services.AddSingleton<GrainCatalog>();
        services.AddSingleton<IGrainFactory>(sp => new GrainFactory(
            sp.GetRequiredService<GrainTypeRegistry>(), new Lazy<GrainCatalog>(sp.GetRequiredService<GrainCatalog>)));
        services.AddSingleton<ClusterMembership>();

        // Start order matters: the store opens before anything uses it.
        services.AddHostedService<RuntimeStartup>();
        services.AddHostedService<MembershipHeartbeat>();
        services.AddHostedService<IdleCollector>();
        return builder;
    }

    /// <summary>Adds the worker modules of the runtime: the reminder pump and the outbox pump.</summary>
    public static IHostApplicationBuilder AddGrainRuntimeWorker(this IHostApplicationBuilder builder)
    {
        AddValidatedOptions<ReminderOptions>(builder.Services, ReminderOptions.Section);
        AddValidatedOptions<OutboxOptions>(builder.Services, OutboxOptions.Section);
        builder.Services.AddHostedService<ReminderPump>();
        builder.Services.AddHostedService<OutboxPump>();
        builder.Services.AddHostedService<PostgresNotificationListener>();
        return builder;
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, string section) where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    private static PostgresRuntimeStore CreatePostgresStore(string connectionString, TimeProvider time, ILogger<PostgresRuntimeStore> logger)
    {
        try
        {
            return new PostgresRuntimeStore(connectionString, time, logger);
        }
        catch (ArgumentException e)
        {
            throw new StoreStartupException($"Storage:ConnectionString is not a valid PostgreSQL connection string: {e.Message}", e);
        }
    }

    private static IRuntimeStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        return options.Provider switch
        {
            StorageProvider.Sqlite => new SqliteRuntimeStore(options.DataFolder, time, services.GetRequiredService<ILogger<SqliteRuntimeStore>>()),
            StorageProvider.Postgres => CreatePostgresStore(options.ConnectionString!, time, services.GetRequiredService<ILogger<PostgresRuntimeStore>>()),
            _ => throw new InvalidOperationException($"Storage:Provider {options.Provider} is unknown."),
        };
    }
}
