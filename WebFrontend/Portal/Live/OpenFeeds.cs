using System.Collections.Concurrent;

namespace CallPing.WebFrontend.Portal.Live;

/// <summary>
/// Counts each user's open live feeds on this web node and refuses one over <see cref="PerUser"/>: every open feed
/// reads a grain once a second, so one account must not hold an unbounded number of them. A few tabs of a few
/// regions each stay well below the limit.
/// </summary>
public sealed class OpenFeeds
{
    public const int PerUser = 10;

    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>Counts one more feed of the user, or false when the user already has <see cref="PerUser"/> open.</summary>
    public bool TryOpen(string userId)
    {
        while (true)
        {
            var open = _open.GetOrAdd(userId, 0);
            if (open >= PerUser)
            {
                return false;
            }

            if (_open.TryUpdate(userId, open + 1, open))
            {
                return true;
            }
        }
    }

    public void Close(string userId)
    {
        while (true)
        {
            var open = _open[userId];
            // The last one out removes the entry, so that the map holds only users with feeds open.
            if (open == 1 ? _open.TryRemove(new KeyValuePair<string, int>(userId, 1)) : _open.TryUpdate(userId, open - 1, open))
            {
                return;
            }
        }
    }
}
