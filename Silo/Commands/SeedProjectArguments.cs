using System.Globalization;

namespace CallPing.Silo.Commands;

/// <summary>The options of <c>seed-project</c>, parsed from "--name web --contact +15550100 ...".</summary>
public sealed record SeedProjectArguments(string Name, IReadOnlyList<string> Contacts, string? Url, int? RingTimeoutSeconds, int? StepDelaySeconds, int? Repeats)
{
    public const string Usage =
        "Usage: dotnet run --project Silo -- seed-project --name <name> --contact <+E.164> [--contact ...] " +
        "[--url http://127.0.0.1:5080] [--ring-timeout <s>] [--step-delay <s>] [--repeats <n>]";

    /// <summary>The parsed options, or a one-line error.</summary>
    public static (SeedProjectArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? name = null, url = null;
        int? ringTimeout = null, stepDelay = null, repeats = null;
        var contacts = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return (null, $"{option} needs a value. {Usage}");
            }

            var value = args[++i];
            string? error = null;
            switch (option)
            {
                case "--name": name = value; break;
                case "--contact": contacts.Add(value); break;
                case "--url": url = value; break;
                case "--ring-timeout": ringTimeout = Number(option, value, ref error); break;
                case "--step-delay": stepDelay = Number(option, value, ref error); break;
                case "--repeats": repeats = Number(option, value, ref error); break;
                default: return (null, $"Unknown option {option}. {Usage}");
            }

            if (error is not null)
            {
                return (null, error);
            }
        }

        if (name is null || contacts.Count == 0)
        {
            return (null, $"--name and at least one --contact are required. {Usage}");
        }

        return (new SeedProjectArguments(name, contacts, url, ringTimeout, stepDelay, repeats), null);
    }

    private static int? Number(string option, string value, ref string? error)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        error = $"{option} must be a whole number (got '{value}').";
        return null;
    }
}
