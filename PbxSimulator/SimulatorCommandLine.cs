namespace CallPing.PbxSimulator;

/// <summary>Reads the executable's arguments into options.</summary>
public static class SimulatorCommandLine
{
    /// <summary>The options, or null when an argument is unknown or lacks its value.</summary>
    public static SimulatorOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new SimulatorOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                return null;
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--port" when int.TryParse(value, out var port) && port is >= 0 and <= 65535:
                    options = options with { Port = port };
                    break;
                case "--user":
                    options = options with { User = value };
                    break;
                case "--password":
                    options = options with { Password = value };
                    break;
                case "--trunk":
                    options = options with { Trunk = value };
                    break;
                case "--host":
                    options = options with { Host = value };
                    break;
                default:
                    return null;
            }
        }

        return options;
    }
}
