namespace CallPing.WebFrontend.Accounts;

/// <summary>
/// The clock the web role reads session times, step-ups and TOTP steps on. Its own service rather than the host's
/// TimeProvider, so that tests can move it (with the grains' clock) without moving the clock Orleans itself runs on.
/// </summary>
public sealed class AccountClock(TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();
}
