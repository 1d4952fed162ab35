using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CallPing.PbxSimulator.Recording;

namespace CallPing.PbxSimulator.Calls;

/// <summary>
/// Plays media in real time once the channel's earlier playbacks are over, as Asterisk queues them per channel:
/// PlaybackStarted, PlaybackContinuing per further item, PlaybackFinished. Stopped while queued, it only finishes.
/// </summary>
internal sealed class PlaybackDriver(CallEngine engine, SimPlayback playback, TimeSpan mediaDuration, ConcurrentDictionary<string, SimPlayback> playbacks, CallLog log)
{
    public async Task RunAsync(Task earlier)
    {
        try
        {
            await earlier;
            await PlayAsync();
        }
        finally
        {
            playbacks.TryRemove(new KeyValuePair<string, SimPlayback>(playback.Id, playback));
        }
    }

    private async Task PlayAsync()
    {
        var channel = playback.Channel;
        if (channel.Life.IsCancellationRequested)
        {
            // Hung up before its turn: Asterisk drops what was queued for the channel.
            return;
        }

        if (playback.Stop.IsCancellationRequested)
        {
            Raise("PlaybackFinished", "done");
            return;
        }

        Raise("PlaybackStarted", "playing");
        log.Add(new PlaybackStartRecord(channel.Id, playback.Id, DateTimeOffset.UtcNow));
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(channel.Life.Token, playback.Stop.Token);
        for (var i = 0; i < playback.Media.Count; i++)
        {
            if (i > 0)
            {
                playback.Index = i;
                Raise("PlaybackContinuing", "continuing");
                playback.State = "playing";
            }

            if (!SimPlayback.IsPlayable(playback.Media[i]))
            {
                Raise("PlaybackFinished", "failed");
                return;
            }

            try
            {
                await Task.Delay(mediaDuration, ends.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopped, or the channel hung up mid-prompt; the playback still reports its end.
                break;
            }
        }

        Raise("PlaybackFinished", "done");
    }

    private void Raise(string type, string state)
    {
        JsonObject json;
        lock (playback.Channel.Gate)
        {
            playback.State = state;
            json = playback.ToJson();
        }

        engine.Hub.Raise(playback.Channel.App, new JsonObject { ["type"] = type, ["playback"] = json });
    }
}
