using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CallPing.PbxSimulator.Media;
using CallPing.PbxSimulator.Recording;

namespace CallPing.PbxSimulator.Calls;

/// <summary>
/// Plays media in real time once the channel's earlier playbacks are over, as Asterisk queues them per channel
/// (res_stasis_playback.c): for each medium PlaybackStarted, then the medium is looked for (a URL is fetched now,
/// blocking the channel) and played; PlaybackContinuing after each medium but the last, PlaybackFinished after it.
/// A medium that cannot be played is skipped, and only the last one's failure finishes the playback "failed".
/// Stopped while queued, it only finishes.
/// </summary>
internal sealed class PlaybackDriver(CallEngine engine, SimPlayback playback, TimeSpan mediaDuration, MediaByUrl urlMedia, ConcurrentDictionary<string, SimPlayback> playbacks, CallLog log)
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
            Finish("done");
            return;
        }

        log.Add(new PlaybackStartRecord(channel.Id, playback.Id, DateTimeOffset.UtcNow));
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(channel.Life.Token, playback.Stop.Token);
        for (var i = 0; i < playback.Media.Count; i++)
        {
            var last = i == playback.Media.Count - 1;
            Raise("PlaybackStarted", "playing", i);
            var length = await LengthAsync(playback.Media[i]);
            if (ends.IsCancellationRequested)
            {
                // Stopped or hung up while the medium was fetched: Asterisk plays nothing more of it.
                break;
            }

            if (length is null)
            {
                if (last)
                {
                    Finish("failed");
                    return;
                }

                Raise("PlaybackContinuing", "continuing", i);
                continue;
            }

            try
            {
                await Task.Delay(length.Value, ends.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopped, or the channel hung up mid-prompt; the playback still reports its end.
                break;
            }

            if (!last)
            {
                Raise("PlaybackContinuing", "continuing", i);
            }

            KeyInIfDigits(playback.Media[i]);
        }

        Finish("done");
    }

    /// <summary>A phone scripted to key in what it hears presses the digits of the first number read to it whole.</summary>
    private void KeyInIfDigits(string medium)
    {
        var channel = playback.Channel;
        lock (channel.Gate)
        {
            if (!channel.Script.KeysInDigitsHeard || channel.KeyedInDigits || !medium.StartsWith("digits:", StringComparison.Ordinal))
            {
                return;
            }

            channel.KeyedInDigits = true;
        }

        _ = Task.Run(async () =>
        {
            foreach (var digit in medium["digits:".Length..])
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), channel.Life.Token);
                engine.PressKey(channel, digit.ToString());
            }
        }, channel.Life.Token);
    }

    /// <summary>How long the medium plays; null when Asterisk fails it (unknown scheme, a URL it cannot fetch or open).</summary>
    private async Task<TimeSpan?> LengthAsync(string medium)
    {
        if (MediaByUrl.IsUrl(medium))
        {
            return await urlMedia.OpenAsync(medium);
        }

        return SimPlayback.IsPlayable(medium) ? mediaDuration : null;
    }

    private void Finish(string state)
    {
        Raise("PlaybackFinished", state, playback.Index);
        log.Add(new PlaybackFinishRecord(playback.Channel.Id, playback.Id, state, DateTimeOffset.UtcNow));
    }

    private void Raise(string type, string state, int index)
    {
        JsonObject json;
        lock (playback.Channel.Gate)
        {
            playback.Index = index;
            playback.State = state;
            json = playback.ToJson();
        }

        engine.Hub.Raise(playback.Channel.App, new JsonObject { ["type"] = type, ["playback"] = json });
    }
}
