namespace CallPing.PbxSimulator.Recording;

/// <summary>Who ended a call.</summary>
public enum HangupSource
{
    /// <summary>An ARI client sent DELETE /ari/channels/{id}.</summary>
    Client,

    /// <summary>The far end: busy, rejected, trunk failure, or the callee hung up.</summary>
    Remote,

    /// <summary>The originate timeout ran out while ringing.</summary>
    Timeout,

    /// <summary>Answered while no WebSocket was connected for the app.</summary>
    NoApplication,

    /// <summary>The whole PBX went down.</summary>
    PbxDown,
}
