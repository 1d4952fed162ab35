namespace CallPing.Runtime.Storage;

/// <summary>The store refuses this silo, for example a SQLite file that another silo already uses.</summary>
public sealed class StoreInUseException(string message, Exception? inner = null) : Exception(message, inner);
