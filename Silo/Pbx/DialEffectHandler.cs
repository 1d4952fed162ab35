using CallPing.Grains.Interfaces.Models;
using CallPing.Runtime;

namespace CallPing.Silo.Pbx;

/// <summary>Runs dial effects; the outbox hands them only to the silo holding the PBX's lease.</summary>
internal sealed class DialEffectHandler(PbxDrivers drivers) : IOutboxHandler
{
    public string Kind => DialCommand.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var dial = message.ReadPayload<DialCommand>();
        if (!drivers.TryGet(dial.PbxId, out var driver))
        {
            throw new InvalidOperationException($"This silo no longer drives {dial.PbxId}; the dial waits for the silo that does.");
        }

        await driver.DialAsync(dial, cancellationToken);
    }
}
