using System.Text.RegularExpressions;
using CallPing.Grains.Calls;
using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Projects;

/// <summary>
/// What a valid project looks like. Errors are <see cref="ArgumentException"/>s whose ParamName is the request's
/// field (Name, Contacts, RingTimeout, StepDelay, Repeats, Label) so that an API can name it; numbers are masked.
/// </summary>
public static partial class ProjectRules
{
    public const int MaxIdLength = 64;
    public const int MaxContacts = 20;
    public const int MaxLabelLength = 50;
    public const int MaxRepeats = 10;
    public static readonly TimeSpan MinRingTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxRingTimeout = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan MaxStepDelay = TimeSpan.FromMinutes(30);

    /// <summary>The trimmed name, the contacts in call order and the policy (the default when none is given).</summary>
    public static (string Name, List<string> Contacts, EscalationPolicy Policy) Validate(CreateProjectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (ValidName(request.Name), ValidContacts(request.Contacts), ValidPolicy(request.Policy ?? EscalationPolicy.Default));
    }

    public const int MinSpeed = 80;
    public const int MaxSpeed = 400;

    /// <summary>
    /// A voice as espeak-ng names it ("en", "en-us", "uk", "de", "es", "fr", ...; lower case, a language and variants) and
    /// a speed in words per minute. The name goes to espeak-ng as one argument; its shape keeps it from being read as an option.
    /// </summary>
    public static ProjectSpeech ValidSpeech(ProjectSpeech? speech)
    {
        ArgumentNullException.ThrowIfNull(speech);
        var voice = speech.Voice?.Trim().ToLowerInvariant() ?? "";
        if (!VoiceName().IsMatch(voice))
        {
            throw new ArgumentException($"'{speech.Voice}' is not an espeak-ng voice name such as en, en-us, uk, de, es or fr.", nameof(ProjectSpeech.Voice));
        }

        return speech.Speed is >= MinSpeed and <= MaxSpeed
            ? new ProjectSpeech(voice, speech.Speed)
            : throw new ArgumentException($"The speed must be {MinSpeed} to {MaxSpeed} words a minute (got {speech.Speed}).", nameof(ProjectSpeech.Speed));
    }

    /// <summary>The trimmed label of an API key.</summary>
    public static string ValidLabel(string? label)
    {
        var trimmed = label?.Trim() ?? "";
        if (trimmed.Length is < 1 or > MaxLabelLength)
        {
            throw new ArgumentException($"The label must be 1 to {MaxLabelLength} characters (got {trimmed.Length} after trimming).", "Label");
        }

        return trimmed.Any(DisplayName.IsForbidden)
            ? throw new ArgumentException("The label may not contain control characters, '<' or '>'.", "Label")
            : trimmed;
    }

    /// <summary>The trimmed name of a project (see <see cref="DisplayName"/>).</summary>
    public static string ValidName(string? name) => DisplayName.Validate(name, nameof(CreateProjectRequest.Name));

    /// <summary>An organisation project's contacts: 0 to 20, each a user id and a phone-number id, no phone number twice.</summary>
    public static List<PolicyContact> ValidPolicyContacts(IReadOnlyList<PolicyContact>? contacts)
    {
        const string field = "Contacts";
        if (contacts is null || contacts.Count > MaxContacts)
        {
            throw new ArgumentException($"A policy lists 0 to {MaxContacts} contacts (got {contacts?.Count ?? 0}).", field);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < contacts.Count; i++)
        {
            if (contacts[i] is not { } contact || !IsId(contact.UserId) || !IsId(contact.PhoneNumberId))
            {
                throw new ArgumentException($"Contact {i + 1} needs a userId and a phoneNumberId (letters, digits, '-' and '_', at most {MaxIdLength}).", field);
            }

            if (!seen.Add(contact.PhoneNumberId))
            {
                throw new ArgumentException($"Contact {i + 1} lists phone number {contact.PhoneNumberId} a second time.", field);
            }
        }

        return [.. contacts];
    }

    private static List<string> ValidContacts(IReadOnlyList<string>? contacts)
    {
        const string field = nameof(CreateProjectRequest.Contacts);
        if (contacts is null || contacts.Count is < 1 or > MaxContacts)
        {
            throw new ArgumentException($"A project needs 1 to {MaxContacts} contacts (got {contacts?.Count ?? 0}).", field);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < contacts.Count; i++)
        {
            var number = contacts[i] ?? "";
            if (!PhoneNumber.IsValid(number))
            {
                throw new ArgumentException($"Contact {i + 1} ({CallGrain.Mask(number)}) is not an E.164 number (+ and 8 to 15 digits).", field);
            }

            if (!seen.Add(number))
            {
                throw new ArgumentException($"Contact {i + 1} ({CallGrain.Mask(number)}) is listed twice.", field);
            }
        }

        return [.. contacts];
    }

    /// <summary>The policy when its timings and repeats are in range.</summary>
    public static EscalationPolicy ValidPolicy(EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.RingTimeout < MinRingTimeout || policy.RingTimeout > MaxRingTimeout)
        {
            throw new ArgumentException($"The ring timeout must be between 10 s and 2 min (got {policy.RingTimeout.TotalSeconds} s).", nameof(EscalationPolicy.RingTimeout));
        }

        if (policy.StepDelay < TimeSpan.Zero || policy.StepDelay > MaxStepDelay)
        {
            throw new ArgumentException($"The step delay must be between 0 s and 30 min (got {policy.StepDelay.TotalSeconds} s).", nameof(EscalationPolicy.StepDelay));
        }

        if (policy.Repeats is < 1 or > MaxRepeats)
        {
            throw new ArgumentException($"Repeats must be between 1 and {MaxRepeats} (got {policy.Repeats}).", nameof(EscalationPolicy.Repeats));
        }

        return policy;
    }

    private static bool IsId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    [GeneratedRegex(@"^[a-z]{2,3}(?:-[a-z0-9]{1,8}){0,3}$")]
    private static partial Regex VoiceName();
}
