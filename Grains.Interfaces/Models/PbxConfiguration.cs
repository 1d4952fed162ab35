namespace CallPing.Grains.Interfaces.Models;

/// <summary>The configured facts of one PBX.</summary>
[GenerateSerializer, Immutable, Alias("callping.PbxConfiguration")]
public sealed record PbxConfiguration([property: Id(0)] string Provider);
