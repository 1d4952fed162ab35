using System.ComponentModel.DataAnnotations;

namespace CallPing.Runtime.Hosting;

/// <summary>Where the runtime keeps its data (configuration section "Storage").</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder of the SQLite file (callping.db), relative to the working directory unless absolute.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Npgsql connection string, for <see cref="StorageProvider.Postgres"/>.</summary>
    public string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Provider))
        {
            yield return new ValidationResult($"Storage:Provider must be Sqlite or Postgres (got {Provider}).", [nameof(Provider)]);
        }

        if (Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(DataFolder))
        {
            yield return new ValidationResult("Storage:DataFolder must name a folder for the SQLite store.", [nameof(DataFolder)]);
        }

        if (Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Storage:ConnectionString is required when Storage:Provider is Postgres.", [nameof(ConnectionString)]);
        }
    }
}
