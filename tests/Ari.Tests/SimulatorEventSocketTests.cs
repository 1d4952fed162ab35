using CallPing.PbxSimulator.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CallPing.Ari.Tests;

public sealed class SimulatorEventSocketTests
{
    [Fact]
    public void Abort_WhileTheRequestRuns_AbortsIt()
    {
        var (context, lifetime) = Request();
        var socket = new EventSocket(context, ["callping"]);

        socket.Abort();

        Assert.True(lifetime.RequestAborted.IsCancellationRequested);
    }

    /// <summary>
    /// A stopping PBX takes its list of sockets, then drops each; a client that leaves in between ends its request,
    /// and Kestrel takes that request's HttpContext back for another request.
    /// </summary>
    [Fact]
    public void Abort_AfterTheRequestIsOver_LeavesItsHttpContextAlone()
    {
        var (context, lifetime) = Request();
        var socket = new EventSocket(context, ["callping"]);
        socket.RequestOver();
        context.Uninitialize();

        Assert.Null(Record.Exception(socket.Abort));
        Assert.False(lifetime.RequestAborted.IsCancellationRequested);
    }

    private static (DefaultHttpContext Context, Lifetime Lifetime) Request()
    {
        var context = new DefaultHttpContext();
        var lifetime = new Lifetime();
        context.Features.Set<IHttpRequestLifetimeFeature>(lifetime);
        return (context, lifetime);
    }

    private sealed class Lifetime : IHttpRequestLifetimeFeature
    {
        private readonly CancellationTokenSource _aborted = new();

        public CancellationToken RequestAborted
        {
            get => _aborted.Token;
            set => throw new NotSupportedException();
        }

        public void Abort() => _aborted.Cancel();
    }
}
