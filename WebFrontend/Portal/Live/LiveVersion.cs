using System.Security.Cryptography;
using System.Text.Json;

namespace CallPing.WebFrontend.Portal.Live;

/// <summary>
/// A short fingerprint of what a live region of a page shows. The page renders it with the region and its feed sends
/// it whenever it changes, so that the script fetches the page again only when the region would look different.
/// </summary>
public static class LiveVersion
{
    public static string Of<T>(T shown) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(shown)))[..16];
}
