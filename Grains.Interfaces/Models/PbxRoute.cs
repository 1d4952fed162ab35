namespace CallPing.Grains.Interfaces.Models;

/// <summary>The router's answer: a PBX, or why there is none ("no PBX available").</summary>
public sealed record PbxRoute(string? PbxId, string? Provider, string? Refusal)
{
    public bool Found => PbxId is not null;

    public static PbxRoute To(PbxDescriptor pbx) => new(pbx.PbxId, pbx.Provider, null);

    public static PbxRoute None(string refusal) => new(null, null, refusal);
}
