using System.Text.Json.Nodes;

namespace CallPing.PbxSimulator.Calls;

/// <summary>Plays media in real time: PlaybackStarted, PlaybackContinuing per further item, PlaybackFinished.</summary>
internal sealed class PlaybackDriver(CallEngine engine, SimPlayback playback, TimeSpan mediaDuration)
{
    public async Task RunAsync()
    {
        var life = playback.Channel.Life.Token;
        await Task.Yield();
        playback.State = "playing";
        Raise("PlaybackStarted");
        for (var i = 0; i < playback.Media.Count; i++)
        {
            playback.Index = i;
            if (i > 0)
            {
                playback.State = "continuing";
                Raise("PlaybackContinuing");
                playback.State = "playing";
            }

            if (!SimPlayback.IsPlayable(playback.Media[i]))
            {
                playback.State = "failed";
                Raise("PlaybackFinished");
                return;
            }

            try
            {
                await Task.Delay(mediaDuration, life);
            }
            catch (OperationCanceledException)
            {
                // The channel hung up mid-prompt; the playback still reports its end.
                break;
            }
        }

        playback.State = "done";
        Raise("PlaybackFinished");
    }

    private void Raise(string type) =>
        engine.Hub.Raise(playback.Channel.App, new JsonObject { ["type"] = type, ["playback"] = playback.ToJson() });
}
