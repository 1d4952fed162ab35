using CallPing.Ari;
using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Pbx.Fleet;

/// <summary>How this worker reaches one PBX: ARI connection and dial string template.</summary>
public sealed record PbxEndpoint(PbxDescriptor Pbx, AriConnectionOptions Ari, string DialEndpoint)
{
    public string DialStringFor(string number) => DialEndpoint.Replace("{number}", number, StringComparison.Ordinal);
}
