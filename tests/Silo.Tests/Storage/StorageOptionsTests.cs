using CallPing.WebFrontend.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CallPing.Silo.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void FromConfiguration_NoSection_SqliteInDataFolder()
    {
        var options = StorageOptions.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal((StorageProvider.Sqlite, "data"), (options.Provider, options.DataFolder));
    }

    [Theory]
    [InlineData("Postgres", null, "Storage:ConnectionString is required when Storage:Provider is Postgres.")]
    [InlineData("Postgres", "Host=db;Colour=blue", "Storage:ConnectionString is not a valid Npgsql connection string")]
    public void FromConfiguration_BadPostgresSettings_FailsNamingTheKey(string provider, string? connectionString, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = connectionString,
        }).Build();

        var error = Assert.Throws<OptionsValidationException>(() => StorageOptions.FromConfiguration(configuration));

        Assert.StartsWith(expected, Assert.Single(error.Failures));
    }

    [Fact]
    public void FromConfiguration_EmptyDataFolder_FailsNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = " " }).Build();

        var error = Assert.Throws<OptionsValidationException>(() => StorageOptions.FromConfiguration(configuration));

        Assert.Equal("Storage:DataFolder must name a folder for the SQLite file.", Assert.Single(error.Failures));
    }

    [Fact]
    public void FromConfiguration_UnknownProvider_FailsNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "Oracle" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => StorageOptions.FromConfiguration(configuration));

        Assert.Contains("Storage:Provider", error.Message);
    }
}
