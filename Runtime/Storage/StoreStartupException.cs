namespace CallPing.Runtime.Storage;

/// <summary>The store cannot serve this silo: a SQLite file another silo uses, a PostgreSQL server that is unreachable or refuses the login.</summary>
public sealed class StoreStartupException(string message, Exception? inner = null) : Exception(message, inner);
