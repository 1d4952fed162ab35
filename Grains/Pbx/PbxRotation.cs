namespace CallPing.Grains.Pbx;

/// <summary>
/// Where the router's round-robin stands in the fleet, one per silo. Kept outside the router's activation, which Orleans
/// removes when idle and creates again, so that a new activation goes on where the last stopped instead of at the first PBX.
/// </summary>
public sealed class PbxRotation
{
    private readonly Lock _lock = new();
    private int _cursor = -1;

    /// <summary>The first eligible PBX after the last one chosen, in fleet order, taken as chosen; -1 when none is eligible.</summary>
    public int Next(int fleetSize, Func<int, bool> eligible)
    {
        lock (_lock)
        {
            for (var step = 1; step <= fleetSize; step++)
            {
                var index = (int)(((long)_cursor + step) % fleetSize);
                if (eligible(index))
                {
                    _cursor = index;
                    return index;
                }
            }

            return -1;
        }
    }
}
