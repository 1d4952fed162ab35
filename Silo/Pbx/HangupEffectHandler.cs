using CallPing.Grains.Interfaces.Models;
using CallPing.Runtime;

namespace CallPing.Silo.Pbx;

/// <summary>Runs hang-up effects on the silo driving the PBX; a channel already gone counts as hung up.</summary>
internal sealed class HangupEffectHandler(PbxDrivers drivers) : IOutboxHandler
{
    public string Kind => HangupCommand.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var hangup = message.ReadPayload<HangupCommand>();
        if (!drivers.TryGet(hangup.PbxId, out var driver))
        {
            throw new InvalidOperationException($"This silo no longer drives {hangup.PbxId}; the hang-up waits for the silo that does.");
        }

        await driver.HangupAsync(hangup, cancellationToken);
    }
}
