namespace CallPing.Grains.Interfaces.Models;

/// <summary>The configured facts of one PBX.</summary>
public sealed record PbxConfiguration(string Provider);
