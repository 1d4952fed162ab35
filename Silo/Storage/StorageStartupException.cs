using CallPing.WebFrontend.Hosting;

namespace CallPing.Silo.Storage;

/// <summary>
/// The store cannot serve this silo: a SQLite file that another silo holds, a PostgreSQL server that is unreachable
/// or refuses the login, a schema newer than this build. The message is one line meant for the operator; the host
/// prints it instead of a stack trace.
/// </summary>
public sealed class StorageStartupException(string message, Exception? inner = null) : StartupRefusedException(message, inner);
