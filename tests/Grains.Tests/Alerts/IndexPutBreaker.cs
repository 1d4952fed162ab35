using CallPing.Grains.Interfaces.Alerts;

namespace CallPing.Grains.Tests.Alerts;

/// <summary>Fails every report into an alert index while armed, as a crash between an alert's write and its report would leave it.</summary>
public sealed class IndexPutBreaker : IIncomingGrainCallFilter
{
    private int _refused;

    public bool Armed { get; set; }

    public int Refused => Volatile.Read(ref _refused);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (Armed && context.InterfaceMethod?.Name == nameof(IAlertIndexGrain.PutAsync))
        {
            Interlocked.Increment(ref _refused);
            throw new InvalidOperationException("The alert index is out of reach.");
        }

        return context.Invoke();
    }
}
