namespace CallPing.Ari;

/// <summary>The PBX could not be reached or did not answer in time: try another PBX.</summary>
public sealed class AriUnavailableException(string message, Exception? innerException)
    : Exception(message, innerException);
