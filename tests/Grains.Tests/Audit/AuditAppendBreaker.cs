using CallPing.Grains.Interfaces.Audit;

namespace CallPing.Grains.Tests.Audit;

/// <summary>Fails every call into an audit log while armed, as a crash between a grain's write and its forwarding would leave it.</summary>
public sealed class AuditAppendBreaker : IIncomingGrainCallFilter
{
    public bool Armed { get; set; }

    public Task Invoke(IIncomingGrainCallContext context) =>
        Armed && context.InterfaceMethod?.Name == nameof(IAuditLogGrain.AppendAsync)
            ? throw new InvalidOperationException("The audit log is out of reach.")
            : context.Invoke();
}
