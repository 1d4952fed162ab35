using System.Security.Cryptography;
using System.Text;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Projects;

namespace CallPing.Grains.Projects;

/// <summary>
/// Finds a phone number's <see cref="INumberGrain"/> by a key that does not show the number: an HMAC of it under a
/// secret the cluster generates once. Grain ids appear in Orleans' own log lines, its dashboard and the store's rows,
/// where the rest of CallPing shows a number masked; the secret keeps the key from being reversed by hashing every
/// possible number.
/// </summary>
public sealed class NumberKeys(IGrainFactory grains)
{
    public const string SecretName = "number-keys";

    private byte[]? _secret;

    public async Task<INumberGrain> GrainOfAsync(string number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        // Kept once it came back, so a first fetch that failed is simply tried again by the next call.
        _secret ??= await grains.GetGrain<ISharedSecretGrain>(SecretName).GetOrCreateAsync(RandomNumberGenerator.GetBytes(32));
        return grains.GetGrain<INumberGrain>(Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(number))));
    }
}
