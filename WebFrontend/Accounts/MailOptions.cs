using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace CallPing.WebFrontend.Accounts;

/// <summary>
/// Outgoing e-mail (configuration section "Mail"). With no Host, messages are written as .eml files to
/// <see cref="PickupFolder"/> under the data folder, for a single node that has no mail server yet.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The SMTP server; unset: write .eml files instead.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered), None, StartTls, SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? User { get; set; }

    public string? Password { get; set; }

    [Required]
    public string From { get; set; } = "CallPing <callping@localhost>";

    /// <summary>Folder of the .eml files when no Host is set, relative to Storage:DataFolder unless absolute.</summary>
    [Required]
    public string PickupFolder { get; set; } = "mail";
}
