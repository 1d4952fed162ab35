using CallPing.WebFrontend.Hosting;

namespace CallPing.Silo.Storage;

/// <summary>Claims and migrates the store before the host starts, so that a refused store is one line (it runs once; the silo's own start reuses it).</summary>
internal sealed class StoreStartupCheck(CallPingStore store) : IStartupCheck
{
    public Task RunAsync(CancellationToken cancellationToken) => store.StartAsync(cancellationToken);
}
