using CallPing.PbxSimulator;

namespace CallPing.Ari.Tests;

public sealed class SimulatorCommandLineTests
{
    [Fact]
    public void Parse_AllOptions_SetsThem()
    {
        string[] args = ["--port", "18088", "--user", "ari", "--password", "pw", "--trunk", "trunk-b"];

        var options = SimulatorCommandLine.Parse(args);

        Assert.Equal((18088, "ari", "pw", "trunk-b"), (options?.Port, options?.User, options?.Password, options?.Trunk));
    }

    [Theory]
    [InlineData("--port")]
    [InlineData("--port", "http")]
    [InlineData("--colour", "blue")]
    public void Parse_BadArguments_ReturnsNull(params string[] args)
    {
        var options = SimulatorCommandLine.Parse(args);

        Assert.Null(options);
    }
}
