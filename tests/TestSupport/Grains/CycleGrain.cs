using CallPing.Runtime;

namespace CallPing.TestSupport.Grains;

public interface ICycleGrain : IGrainWithStringKey
{
    /// <summary>Calls the peer, which calls back into the caller.</summary>
    Task CallPeerAsync(string peerKey);

    /// <summary>Calls the given grain's PingAsync.</summary>
    Task CallBackAsync(string callerKey);

    Task<string> PingAsync();
}

public sealed class CycleGrain : Grain, ICycleGrain
{
    public Task CallPeerAsync(string peerKey) =>
        GrainFactory.GetGrain<ICycleGrain>(peerKey).CallBackAsync(GetPrimaryKeyString());

    public Task CallBackAsync(string callerKey) =>
        GrainFactory.GetGrain<ICycleGrain>(callerKey).PingAsync();

    public Task<string> PingAsync() => Task.FromResult(GetPrimaryKeyString());
}
