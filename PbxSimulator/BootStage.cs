namespace CallPing.PbxSimulator;

/// <summary>How far a starting Asterisk has come, as its ARI answers show it.</summary>
public enum BootStage
{
    /// <summary>Fully booted: ARI answers normally.</summary>
    Booted,

    /// <summary>ARI is loaded but Asterisk is not fully booted: every ARI request gets 503 "Asterisk not booted".</summary>
    Booting,

    /// <summary>The HTTP server is up but ARI is not loaded yet: every ARI request gets Asterisk's 404 HTML page.</summary>
    AriNotLoaded,
}
