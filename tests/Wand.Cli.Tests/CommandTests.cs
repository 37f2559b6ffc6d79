using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Wand.Cli.Tests;

/// <summary>Commands invoked in-process against the in-process virtual wand (address sim), with captured writers.</summary>
public sealed class CommandTests
{
    [Fact]
    [Trait("Requirement", "HC-2")]
    public async Task Status_Json_HasStatusAndHeadShape()
    {
        CliResult result = await CliRunner.RunAsync("status", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement status = result.Json.GetProperty("status");
        Assert.Equal("sim", result.Json.GetProperty("device").GetString());
        Assert.Equal("idle", status.GetProperty("state").GetString());
        Assert.Equal("softDome", status.GetProperty("head").GetString());
        Assert.InRange(status.GetProperty("batteryMillivolts").GetInt32(), 3000, 4300);
        Assert.Equal(5, result.Json.GetProperty("head").GetProperty("maximumLevel").GetInt32());
        Assert.Empty(result.Error);
    }

    [Fact]
    [Trait("Requirement", "HC-2")]
    public async Task Status_Human_IsPlainTextWhenCaptured()
    {
        CliResult result = await CliRunner.RunAsync("status");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("State                  Idle", result.Output);
        Assert.DoesNotContain("\u001b[", result.Output);
        Assert.DoesNotContain("┌", result.Output);
    }

    [Fact]
    public async Task Start_ForFiveSeconds_RunsThenStopsByCommand()
    {
        CliResult result = await CliRunner.RunAsync("start", "--level", "2", "--pattern", "wave", "--for", "5", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement json = result.Json;
        Assert.Equal(2, json.GetProperty("started").GetProperty("level").GetInt32());
        Assert.Equal("wave", json.GetProperty("started").GetProperty("pattern").GetString());
        Assert.Equal(600, json.GetProperty("started").GetProperty("grantedSeconds").GetInt32());
        Assert.True(json.GetProperty("stoppedByCommand").GetBoolean());
        Assert.Equal("idle", json.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal("remoteCommand", json.GetProperty("status").GetProperty("lastStopReason").GetString());
    }

    [Fact]
    public async Task Start_Human_ShowsRunningLineAndFinalStatus()
    {
        CliResult result = await CliRunner.RunAsync("start", "--level", "3", "--for", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Started level 3 Continuous for 600 s on sim", result.Output);
        Assert.Contains("Running level 3", result.Output);
        Assert.Contains("Last stop reason       RemoteCommand", result.Output);
    }

    [Fact]
    public async Task Start_WithoutHead_IsRefusedWithExitCode13()
    {
        CliResult result = await CliRunner.RunAsync("--device", "sim:head=none", "start", "--level", "1", "--for", "1");

        Assert.Equal((int)ExitCode.DeviceRefused, result.ExitCode);
        Assert.Contains("no head", result.Error);
        Assert.Contains("exit code 13", result.Error);
    }

    [Fact]
    public async Task Start_WhileCharging_IsRefused()
    {
        CliResult result = await CliRunner.RunAsync("--device", "sim:usb=on", "start", "--json");

        Assert.Equal((int)ExitCode.DeviceRefused, result.ExitCode);
        Assert.Equal(13, result.Json.GetProperty("error").GetProperty("exitCode").GetInt32());
        Assert.Contains("USB", result.Json.GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("start", "--level", "6")]
    [InlineData("start", "--duration", "30")]
    [InlineData("level", "0")]
    [InlineData("settings", "--duration", "1000")]
    [Trait("Requirement", "HC-3")]
    public async Task OutOfRangeValues_ExitWithCode3BeforeConnecting(params string[] args)
    {
        CliResult result = await CliRunner.RunAsync(args);

        Assert.Equal((int)ExitCode.ValueOutOfRange, result.ExitCode);
        Assert.Contains("outside", result.Error);
    }

    [Fact]
    public async Task Stop_WhenIdle_ExitsWith13AndSaysNothingRuns()
    {
        CliResult result = await CliRunner.RunAsync("stop");

        Assert.Equal((int)ExitCode.DeviceRefused, result.ExitCode);
        Assert.Contains("no session is running", result.Error);
    }

    [Fact]
    public async Task Level_WhenIdle_IsRefused()
    {
        CliResult result = await CliRunner.RunAsync("level", "3");

        Assert.Equal((int)ExitCode.DeviceRefused, result.ExitCode);
    }

    [Fact]
    public async Task Pattern_UnknownName_IsAUsageError()
    {
        CliResult result = await CliRunner.RunAsync("pattern", "zigzag");

        Assert.Equal((int)ExitCode.UsageError, result.ExitCode);
    }

    [Fact]
    public async Task Settings_Change_IsWrittenAndReadBack()
    {
        CliResult result = await CliRunner.RunAsync("settings", "--duration", "300", "--level", "4", "--pattern", "pulse", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Json.GetProperty("changed").GetBoolean());
        Assert.Equal(300, result.Json.GetProperty("defaultSessionSeconds").GetInt32());
        Assert.Equal(4, result.Json.GetProperty("defaultLevel").GetInt32());
        Assert.Equal("pulse", result.Json.GetProperty("defaultPattern").GetString());
    }

    [Fact]
    public async Task Faults_FreshWand_IsEmpty()
    {
        CliResult result = await CliRunner.RunAsync("faults", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, result.Json.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Array, result.Json.GetProperty("faults").ValueKind);
    }

    [Fact]
    public async Task Info_Json_HasDeviceInformationAndProtocolVersion()
    {
        CliResult result = await CliRunner.RunAsync("info", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.False(string.IsNullOrEmpty(result.Json.GetProperty("manufacturerName").GetString()));
        Assert.Equal("1.1", result.Json.GetProperty("protocolVersion").GetString());
    }

    [Fact]
    public async Task Profile_Json_ListsEveryCharacteristic()
    {
        CliResult result = await CliRunner.RunAsync("profile", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("6d780102-ef12-4cc2-baad-fd233d601624", result.Output);
        Assert.Contains("battery-level", result.Output);
    }

    [Fact]
    public async Task Profile_Plain_IsTheMarkdownTable()
    {
        CliResult result = await CliRunner.RunAsync("profile");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("| 1 | `status` | `wand` |", result.Output);
    }

    [Theory]
    [InlineData("foo", 10)]
    [InlineData("tcp://127.0.0.1", 10)]
    [InlineData("tcp://127.0.0.1:99999", 10)]
    [InlineData("ble:12:34", 10)]
    [InlineData("sim:head=octopus", 10)]
    [InlineData("serial:/dev/ttyWAND-NONE", 11)]
    [Trait("Requirement", "HC-1")]
    [Trait("Requirement", "HC-3")]
    public async Task BadOrUnavailableAddress_ExitsWithItsCodeAndNamesTheAddress(string address, int expected)
    {
        CliResult result = await CliRunner.RunAsync("--device", address, "status");

        Assert.Equal(expected, result.ExitCode);
        Assert.Contains("error:", result.Error);
    }

    [Fact]
    public async Task WorldControl_AgainstSim_ExplainsItNeedsAServedWand()
    {
        CliResult result = await CliRunner.RunAsync("sim", "head", "none");

        Assert.Equal((int)ExitCode.TransportUnavailable, result.ExitCode);
        Assert.Contains("wand sim serve", result.Error);
    }

    [Fact]
    [Trait("Requirement", "HC-2")]
    public void EveryExitCode_HasAnActionableMessage()
    {
        foreach (ExitCode code in System.Enum.GetValues<ExitCode>())
        {
            Assert.DoesNotContain("No message", ExitCodeMessages.For(code));
        }
    }
}
