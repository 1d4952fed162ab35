using CallPing.Grains.Interfaces.Models;
using CallPing.Runtime;

namespace CallPing.Silo.Pbx;

/// <summary>Runs play effects (the alert prompt, the confirmation) on the silo driving the PBX.</summary>
internal sealed class PlayEffectHandler(PbxDrivers drivers) : IOutboxHandler
{
    public string Kind => PlayCommand.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var play = message.ReadPayload<PlayCommand>();
        if (!drivers.TryGet(play.PbxId, out var driver))
        {
            throw new InvalidOperationException($"This silo no longer drives {play.PbxId}; the playback waits for the silo that does.");
        }

        await driver.PlayAsync(play, cancellationToken);
    }
}
