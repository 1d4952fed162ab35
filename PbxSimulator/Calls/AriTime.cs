using System.Globalization;

namespace CallPing.PbxSimulator.Calls;

/// <summary>Timestamps as Asterisk writes them: milliseconds and an offset without a colon.</summary>
internal static class AriTime
{
    public static string Now() => Format(DateTimeOffset.UtcNow);

    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";
}
