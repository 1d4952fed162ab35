namespace CallPing.Runtime.Storage;

/// <summary>The few places where SQLite and PostgreSQL need different SQL; everything else is shared.</summary>
/// <param name="Name">"SQLite" or "PostgreSQL".</param>
/// <param name="SkipLocked">Appended to claim sub-selects so that competing silos take different rows.</param>
/// <param name="SerializeWrites">
/// SQLite has one writer; queuing writes in-process avoids its busy-retry sleeps.
/// </param>
/// <param name="MigrationsResourcePrefix">Embedded resource prefix of the migration scripts.</param>
/// <param name="MigrationLock">Statement run first in the migration transaction so concurrent starts apply each script once.</param>
public sealed record SqlDialect(string Name, string SkipLocked, bool SerializeWrites, string MigrationsResourcePrefix, string? MigrationLock);
