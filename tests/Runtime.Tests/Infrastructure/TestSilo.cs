using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CallPing.Runtime.Hosting;
using CallPing.Runtime.Storage;
using CallPing.TestSupport.Grains;

namespace CallPing.Runtime.Tests.Infrastructure;

/// <summary>A real silo in this process: the runtime's own host with its pumps, on a store of the suite's kind.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TestSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<TestSilo> StartAsync(
        Dictionary<string, string?> store,
        Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        TestSilo? shareStoreWith = null,
        bool worker = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GrainRuntime:CallTimeout"] = "00:00:10",
            ["Reminders:PollInterval"] = "00:00:00.200",
            ["Reminders:RetryDelay"] = "00:00:00.100",
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:RetryDelay"] = "00:00:00.100",
            ["Silo:HeartbeatInterval"] = "00:00:00.500",
            ["Silo:DeadAfter"] = "00:00:03",
        });
        builder.Configuration.AddInMemoryCollection(store);
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.AddGrainRuntime(typeof(CounterGrain).Assembly);
        if (worker)
        {
            builder.AddGrainRuntimeWorker();
        }
        if (shareStoreWith is not null)
        {
            // A second runtime instance over the very same store object, as two processes would share a database.
            builder.Services.AddSingleton(shareStoreWith.Get<IRuntimeStore>());
        }

        services?.Invoke(builder.Services);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new TestSilo(host);
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
