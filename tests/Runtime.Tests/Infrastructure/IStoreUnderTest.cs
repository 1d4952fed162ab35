namespace CallPing.Runtime.Tests.Infrastructure;

/// <summary>A database kind the runtime suite runs against.</summary>
public interface IStoreUnderTest
{
    /// <summary>Settings for a new, empty store of this kind.</summary>
    Task<Dictionary<string, string?>> NewStoreAsync();
}
