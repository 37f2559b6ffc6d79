using System.Threading.Tasks;
using Xunit;

namespace Wand.Cli.Tests;

/// <summary>
/// Values the parser lets through (NaN, negative numbers, enum values given as numbers) are refused with exit code 3
/// before anything is sent. The device is a closed port: a command that tried to reach it would exit 11 instead.
/// </summary>
public sealed class InputCheckTests
{
    private const string NobodyListens = "tcp://127.0.0.1:1";

    [Theory]
    [InlineData("start", "--level", "3", "--for", "NaN")]
    [InlineData("start", "--level", "3", "--for", "Infinity")]
    [InlineData("start", "--level", "3", "--for", "-Infinity")]
    [InlineData("start", "--level", "3", "--for", "-1")]
    [InlineData("start", "--level", "3", "--for", "901")]
    [InlineData("pattern", "7")]
    [InlineData("start", "--pattern", "7")]
    [InlineData("settings", "--pattern", "9")]
    public async Task OutOfRange_IsRefusedWithExit3BeforeTheDeviceIsContacted(params string[] args)
    {
        CliResult result = await CliRunner.RunAsync(["--device", NobodyListens, .. args]);

        Assert.True((int)ExitCode.ValueOutOfRange == result.ExitCode, result.ToString());
        Assert.Contains(args[^2].StartsWith('-') ? args[^2] : args[0], result.Error);
    }

    [Fact]
    public async Task ValidPattern_ByName_GetsPastTheCheck()
    {
        CliResult result = await CliRunner.RunAsync("--device", NobodyListens, "pattern", "Wave");

        Assert.Equal((int)ExitCode.DeviceUnreachable, result.ExitCode);
    }
}
