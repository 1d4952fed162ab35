using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CallPing.WebFrontend.Accounts;

/// <summary>Sends through the configured SMTP server with MailKit, one connection per message.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var mail = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(mail.Host!, mail.Port, mail.Security, cancellationToken);
        if (!string.IsNullOrEmpty(mail.User))
        {
            await client.AuthenticateAsync(mail.User, mail.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
