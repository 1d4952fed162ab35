using System.Security.Cryptography;
using System.Text;

namespace CallPing.Grains.Alerts;

/// <summary>
/// The id of the n-th alert of a (project, dedup key): derived, not drawn, so that the dedup grain can open an alert
/// without storing a pointer to it, and a restart finds the same alert from the stored generation alone.
/// </summary>
public static class AlertIds
{
    public static string For(string dedupGrainKey, int generation)
    {
        ArgumentException.ThrowIfNullOrEmpty(dedupGrainKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{dedupGrainKey}\n{generation}"));
        return $"a{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }
}
