using MimeKit;

namespace CallPing.WebFrontend.Accounts;

/// <summary>Sends one e-mail: through SMTP, or into a pickup folder when no server is configured.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
