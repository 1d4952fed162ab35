using Microsoft.Extensions.Hosting;
using CallPing.Runtime.Activation;
using CallPing.Runtime.Storage;

namespace CallPing.Runtime.Hosting;

/// <summary>Registered first: opens the store and applies migrations before any other module runs; closes activations at stop.</summary>
internal sealed class RuntimeStartup(IRuntimeStore store, GrainCatalog catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.CloseAll();
        return Task.CompletedTask;
    }
}
