using Microsoft.Extensions.Options;
using MimeKit;

namespace CallPing.WebFrontend.Accounts;

/// <summary>The e-mails of accounts: the sign-up link, the reset link. A failed send is logged, never shown to the requester.</summary>
public sealed partial class AccountMails(IMailSender sender, IOptions<MailOptions> mail, IOptions<AccountOptions> accounts, ILogger<AccountMails> logger)
{
    public const string VerifyPage = "verify-email";

    public const string ResetPage = "reset-password";

    public const string JoinPage = "join-org";

    public Task SendVerificationAsync(string email, string token, CancellationToken cancellationToken) =>
        SendAsync(email, "Confirm your e-mail address for CallPing",
            $"Someone signed up for CallPing with this address. If it was you, confirm it within 24 hours:\n\n{accounts.Value.LinkTo(VerifyPage, token)}\n\n" +
            "If it was not you, ignore this message: nobody can sign in with this address until the link is followed.",
            cancellationToken);

    public Task SendResetAsync(string email, string token, CancellationToken cancellationToken) =>
        SendAsync(email, "Reset your CallPing password",
            $"Someone asked to reset the password of the CallPing account of this address. To choose a new one within the hour:\n\n{accounts.Value.LinkTo(ResetPage, token)}\n\n" +
            "The link works once and signs out every session. If you did not ask, ignore this message.",
            cancellationToken);

    public Task SendInvitationAsync(string email, string orgName, string token, CancellationToken cancellationToken) =>
        SendAsync(email, "You are invited to an organisation on CallPing",
            $"You are invited to join the organisation \"{orgName}\" on CallPing. To join within 7 days, sign in (or sign up) with this address and follow:\n\n{accounts.Value.LinkTo(JoinPage, token)}\n\n" +
            "The link works once. If you do not know this organisation, ignore this message.",
            cancellationToken);

    private async Task SendAsync(string email, string subject, string text, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mail.Value.From));
        message.To.Add(MailboxAddress.Parse(email));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        // Whatever the mail server or the folder did, the requester hears the same (they are never told whether an
        // address has an account) and can ask again; the operator finds the failure in the log.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendFailed(e, subject);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An account e-mail could not be sent: {Subject}")]
    private partial void LogSendFailed(Exception exception, string subject);
}
