using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using CallPing.WebFrontend.Hosting;

namespace CallPing.WebFrontend.Admin;

/// <summary>
/// The bearer token of the admin endpoints: <c>Admin:Token</c> when configured, else a random token written at first
/// start to <c>{Storage:DataFolder}/admin-token</c> (readable by its owner only) and reused afterwards.
/// The token itself is never logged; only where it lives.
/// </summary>
public sealed class AdminToken
{
    public const string ConfigurationKey = "Admin:Token";
    public const string FileName = "admin-token";
    public const int MinLength = 16;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly byte[] _hash;

    public AdminToken(IConfiguration configuration, IOptions<StorageOptions> storage, ILogger<AdminToken> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(storage);
        var configured = configuration[ConfigurationKey]?.Trim();
        if (!string.IsNullOrEmpty(configured))
        {
            if (configured.Length < MinLength)
            {
                throw Refused($"{ConfigurationKey} must be at least {MinLength} characters long.");
            }

            _hash = Hash(configured);
            logger.LogInformation("Admin token: from configuration ({Key})", ConfigurationKey);
            return;
        }

        var path = PathIn(storage.Value.DataFolder);
        _hash = Hash(LoadOrCreate(path));
        logger.LogInformation("Admin token: in {Path}", path);
    }

    /// <summary>Where the generated token lives for a data folder (relative to the working directory unless absolute).</summary>
    public static string PathIn(string dataFolder) => Path.GetFullPath(Path.Combine(dataFolder, FileName));

    /// <summary>The token in a token file, or null when there is no such file.</summary>
    public static string? ReadFile(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;

    /// <summary>Whether a presented token is this one. Compared as SHA-256 hashes in constant time, so neither content nor length leaks.</summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Hash(presented), _hash);

    private static string LoadOrCreate(string path)
    {
        var existing = ReadFile(path);
        if (existing is null)
        {
            existing = TryCreate(path);
        }
        else if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }

        return existing.Length >= MinLength
            ? existing
            : throw Refused($"The admin token file {path} is empty or too short; delete it to have a new one made, or set {ConfigurationKey}.");
    }

    private static string TryCreate(string path)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created with its final mode, so the token is never readable by others, not even for a moment.
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var writer = new StreamWriter(path, Encoding.ASCII, options);
            writer.Write(token);
            return token;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process on the same data folder made it first: use theirs.
            return ReadFile(path) ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refused($"Cannot write the admin token file {path} ({e.Message}); make Storage:DataFolder writable or set {ConfigurationKey}.");
        }
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    // Reported by StartupGuard as one line, like other bad settings.
    private static OptionsValidationException Refused(string message) =>
        new(ConfigurationKey, typeof(AdminToken), [message]);
}
