namespace CallPing.WebFrontend.Hosting;

/// <summary>Start-up refused for a reason the operator can fix (a store that cannot be used, a bad setting): its message is the one line printed.</summary>
public class StartupRefusedException(string message, Exception? innerException = null) : Exception(message, innerException);
