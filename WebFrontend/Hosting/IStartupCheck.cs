namespace CallPing.WebFrontend.Hosting;

/// <summary>
/// Work that must succeed before the host starts (claiming and migrating the store), run by <see cref="StartupGuard"/>
/// first so that a refusal is reported as one line instead of a failed start's stack trace.
/// </summary>
public interface IStartupCheck
{
    Task RunAsync(CancellationToken cancellationToken);
}
