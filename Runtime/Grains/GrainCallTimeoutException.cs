namespace CallPing.Runtime;

/// <summary>A grain call waited longer than the call timeout, for example because of a call cycle A -> B -> A.</summary>
public sealed class GrainCallTimeoutException(string message) : TimeoutException(message);
