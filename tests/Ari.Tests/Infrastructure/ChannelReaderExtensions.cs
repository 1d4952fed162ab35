using System.Threading.Channels;
using CallPing.Ari.Events;
using CallPing.Ari.Streaming;

namespace CallPing.Ari.Tests.Infrastructure;

/// <summary>Waits on the event stream with generous limits, failing with what was seen instead.</summary>
internal static class ChannelReaderExtensions
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    /// <summary>Reads events until one matches; returns all of them, the match last.</summary>
    public static async Task<List<AriEvent>> ReadUntilAsync(this ChannelReader<AriEvent> reader, Func<AriEvent, bool> stop, TimeSpan? wait = null)
    {
        var seen = new List<AriEvent>();
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        try
        {
            await foreach (var ariEvent in reader.ReadAllAsync(timeout.Token))
            {
                seen.Add(ariEvent);
                if (stop(ariEvent))
                {
                    return seen;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching event; saw: {Describe(seen)}");
        }

        throw new InvalidOperationException($"Event stream ended; saw: {Describe(seen)}");
    }

    /// <summary>Reads events until a channel's ChannelDestroyed, and returns that channel's events only.</summary>
    public static async Task<List<AriEvent>> ReadCallAsync(this ChannelReader<AriEvent> reader, string channelId) =>
        [.. (await reader.ReadUntilAsync(e => e is ChannelDestroyedEvent d && d.Channel.Id == channelId)).Where(e => e.ChannelId() == channelId)];

    public static async Task<T> WaitForAsync<T>(this ChannelReader<AriEvent> reader, Func<T, bool>? match = null, TimeSpan? wait = null)
        where T : AriEvent
    {
        var seen = await reader.ReadUntilAsync(e => e is T typed && (match is null || match(typed)), wait);
        return (T)seen[^1];
    }

    public static async Task<AriConnectionStateChanged> WaitForStateAsync(
        this ChannelReader<AriConnectionStateChanged> reader, AriConnectionState state, int minConnection = 1)
    {
        using var timeout = new CancellationTokenSource(DefaultWait);
        await foreach (var change in reader.ReadAllAsync(timeout.Token))
        {
            if (change.State == state && change.ConnectionNumber >= minConnection)
            {
                return change;
            }
        }

        throw new InvalidOperationException($"State stream ended before {state}");
    }

    public static string? ChannelId(this AriEvent ariEvent) => ariEvent switch
    {
        ChannelEvent c => c.Channel.Id,
        DialEvent d => d.Peer.Id,
        PlaybackEvent p => p.Playback.TargetUri.Replace("channel:", "", StringComparison.Ordinal),
        _ => null,
    };

    /// <summary>"Dial()", "ChannelStateChange(Ringing)", ... for readable assertions.</summary>
    public static string Describe(this AriEvent ariEvent) => ariEvent switch
    {
        DialEvent d => $"Dial({d.DialStatus})",
        ChannelStateChangeEvent s => $"ChannelStateChange({s.Channel.State})",
        ChannelDestroyedEvent d => $"ChannelDestroyed({d.Cause})",
        ChannelDtmfReceivedEvent k => $"ChannelDtmfReceived({k.Digit})",
        PlaybackEvent p => $"{p.Type}({p.Playback.State})",
        _ => ariEvent.Type,
    };

    private static string Describe(IEnumerable<AriEvent> events) => string.Join(", ", events.Select(e => e.Describe()));
}
