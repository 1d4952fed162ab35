namespace CallPing.TestSupport;

/// <summary>A folder under the system temp folder, removed on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "callping-tests", Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>
    /// Removes the folder. A host that is still stopping may write into it meanwhile (SQLite's -shm file, logs), so it
    /// tries a few times and then leaves the folder to the system's temp cleanup: cleanup is not what a test checks.
    /// </summary>
    public void Dispose()
    {
        for (var attempt = 1; attempt <= 5 && Directory.Exists(Path); attempt++)
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(200);
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}
