using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CallPing.WebFrontend.Hosting;

/// <summary>Where the silo keeps its data (configuration section "Storage").</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder of the SQLite file (callping.db), relative to the working directory unless absolute.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Npgsql connection string; required for <see cref="StorageProvider.Postgres"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Binds and validates the "Storage" section. The hosts need the options while they build the silo (they decide
    /// which providers to add), before ValidateOnStart could run, so a bad value is reported here, as the
    /// <see cref="OptionsValidationException"/> whose failures name the key.
    /// </summary>
    public static StorageOptions FromConfiguration(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<StorageOptions>() ?? new StorageOptions();
        options.ThrowIfInvalid();
        return options;
    }

    /// <summary>Throws an <see cref="OptionsValidationException"/> listing every bad setting, one sentence each.</summary>
    public void ThrowIfInvalid()
    {
        var failures = Validate(new ValidationContext(this)).Select(r => r.ErrorMessage!).ToList();
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(SectionName, typeof(StorageOptions), failures);
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Provider))
        {
            yield return new ValidationResult($"Storage:Provider must be Sqlite or Postgres (got {Provider}).", [nameof(Provider)]);
        }

        if (Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(DataFolder))
        {
            yield return new ValidationResult("Storage:DataFolder must name a folder for the SQLite file.", [nameof(DataFolder)]);
        }

        if (Provider == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
            {
                yield return new ValidationResult("Storage:ConnectionString is required when Storage:Provider is Postgres.", [nameof(ConnectionString)]);
            }
            else if (ConnectionStringError(ConnectionString) is { } error)
            {
                yield return new ValidationResult($"Storage:ConnectionString is not a valid Npgsql connection string: {error}", [nameof(ConnectionString)]);
            }
        }
    }

    private static string? ConnectionStringError(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return e.Message;
        }
    }
}
