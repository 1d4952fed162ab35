namespace CallPing.Runtime;

/// <summary>A state write lost an ETag race against another activation or process.</summary>
public sealed class InconsistentStateException(string message) : Exception(message);
