using Microsoft.Extensions.Options;
using MimeKit;
using CallPing.WebFrontend.Hosting;

namespace CallPing.WebFrontend.Accounts;

/// <summary>Writes each message as an .eml file, for a node with no SMTP server configured; logs the folder once.</summary>
public sealed partial class PickupFolderMailSender : IMailSender
{
    private readonly string _folder;
    private readonly ILogger<PickupFolderMailSender> _logger;
    private int _logged;

    public PickupFolderMailSender(IOptions<MailOptions> mail, IOptions<StorageOptions> storage, ILogger<PickupFolderMailSender> logger)
    {
        _folder = Path.GetFullPath(Path.Combine(storage.Value.DataFolder, mail.Value.PickupFolder));
        _logger = logger;
    }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, $"{DateTime.UtcNow:yyyyMMddTHHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, cancellationToken);
        if (Interlocked.Exchange(ref _logged, 1) == 0)
        {
            LogPickupFolder(_folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No SMTP server configured (Mail:Host): e-mails are written as .eml files to {Folder}")]
    private partial void LogPickupFolder(string folder);
}
