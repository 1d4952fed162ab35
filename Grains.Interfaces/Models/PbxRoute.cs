namespace CallPing.Grains.Interfaces.Models;

/// <summary>The router's answer: a PBX, or why there is none ("no PBX available").</summary>
[GenerateSerializer, Immutable, Alias("callping.PbxRoute")]
public sealed record PbxRoute(
    [property: Id(0)] string? PbxId,
    [property: Id(1)] string? Provider,
    [property: Id(2)] string? Refusal)
{
    public bool Found => PbxId is not null;

    public static PbxRoute To(PbxDescriptor pbx) => new(pbx.PbxId, pbx.Provider, null);

    public static PbxRoute None(string refusal) => new(null, null, refusal);
}
