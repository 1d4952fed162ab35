namespace CallPing.Runtime.Metrics;

/// <summary>
/// Instruments that belong to one host. An exporter resolves every registration before it listens, since an
/// instrument exists only once the object that creates it does.
/// </summary>
public interface IHostInstruments;
