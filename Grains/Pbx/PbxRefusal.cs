using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Pbx;

/// <summary>Says why the router found no PBX, naming what was excluded, for the call log and the operator.</summary>
internal static class PbxRefusal
{
    /// <summary>
    /// "all 5 PBXes are down", "all 3 PBXes already tried", or a list such as
    /// "pbx-1, pbx-2 already tried; pbx-3, pbx-4, pbx-5 down". A null status means its health could not be read.
    /// </summary>
    public static string Explain(
        IReadOnlyList<PbxDescriptor> pbxes, IReadOnlySet<string> tried, IReadOnlyDictionary<string, PbxStatus?> statuses)
    {
        if (pbxes.Count == 0)
        {
            return "no PBX is configured";
        }

        var triedIds = pbxes.Where(p => tried.Contains(p.PbxId)).Select(p => p.PbxId).ToList();
        var untried = pbxes.Where(p => !tried.Contains(p.PbxId)).ToList();
        var down = untried.Where(p => statuses[p.PbxId] == PbxStatus.Down).Select(p => p.PbxId).ToList();
        var unreadable = untried.Where(p => statuses[p.PbxId] is null).Select(p => p.PbxId).ToList();
        if (pbxes.Count > 1 && down.Count == pbxes.Count)
        {
            return $"all {pbxes.Count} PBXes are down";
        }

        if (pbxes.Count > 1 && triedIds.Count == pbxes.Count)
        {
            return $"all {pbxes.Count} PBXes already tried";
        }

        var parts = new List<string>();
        AddPart(parts, triedIds, "already tried");
        AddPart(parts, down, "down");
        AddPart(parts, unreadable, "health unreadable");
        return string.Join("; ", parts);
    }

    private static void AddPart(List<string> parts, List<string> pbxIds, string what)
    {
        if (pbxIds.Count > 0)
        {
            parts.Add($"{string.Join(", ", pbxIds)} {what}");
        }
    }
}
