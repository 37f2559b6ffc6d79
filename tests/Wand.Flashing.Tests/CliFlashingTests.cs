using System;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using Wand.Cli;
using Wand.Host.Flashing;
using Xunit;

namespace Wand.Flashing.Tests;

/// <summary>The flashing commands as a user runs them: arguments in, exit code and output out.</summary>
public sealed class CliFlashingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("wand-flash-").FullName;

    public CliFlashingTests()
    {
        FirmwarePackage package = TestImages.Package(runtimeLength: 300_000);
        Directory.CreateDirectory(Path.Combine(folder, "package"));
        File.WriteAllBytes(Path.Combine(folder, "package", "bootloader.bin"), package.Bootloader);
        File.WriteAllBytes(Path.Combine(folder, "package", "nanoCLR.bin"), package.Runtime);
        File.WriteAllBytes(Path.Combine(folder, "package", "partitions_4mb.bin"), package.PartitionTables["partitions_4mb.bin"]);
        File.WriteAllBytes(Path.Combine(folder, "App.bin"), TestImages.Application(40_000));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Flash_WithJsonToSimulatedBoard_ExitsZeroAndReportsEveryRegion()
    {
        using SimulatedBoard board = new();

        (int exit, string output, _) = Run("flash", "--port", board.PortPath, "--firmware", Path.Combine(folder, "package"), "--app", Path.Combine(folder, "App.bin"), "--json");

        Assert.Equal(0, exit);
        using JsonDocument document = JsonDocument.Parse(output);
        Assert.True(document.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(4, document.RootElement.GetProperty("regions").GetArrayLength());
        Assert.Equal("0x1E0000", document.RootElement.GetProperty("regions")[3].GetProperty("address").GetString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "App.bin")), board.Read(0x1E0000, 40_000));
    }

    [Fact]
    public void Flash_GlobalDeviceSerial_IsTheFlashingPort()
    {
        using SimulatedBoard board = new();

        (int exit, string output, _) = Run("flash", "--device", $"serial:{board.PortPath}", "--firmware", Path.Combine(folder, "package"), "--json");

        Assert.Equal(0, exit);
        using JsonDocument document = JsonDocument.Parse(output);
        Assert.Equal(3, document.RootElement.GetProperty("regions").GetArrayLength());
        Assert.Equal(921_600, document.RootElement.GetProperty("baud").GetInt32());
    }

    [Theory]
    [InlineData("flash")]
    [InlineData("chip-info")]
    public void FlashingCommands_RefuseAGlobalDeviceThatIsNotASerialPort(string command)
    {
        string[] arguments = command == "flash"
            ? ["flash", "--device", "ble:AA:BB:CC:DD:EE:FF", "--firmware", Path.Combine(folder, "package")]
            : ["chip-info", "--device", "tcp://127.0.0.1:1"];

        (int exit, _, string error) = Run(arguments);

        Assert.Equal((int)ExitCode.FlashPortUnavailable, exit);
        Assert.Contains("addresses a running wand", error, StringComparison.Ordinal);
        Assert.Contains("--device serial:PORT", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Flash_DryRun_PrintsThePlanWithTheDeploymentAddressFromThePartitionTable()
    {
        (int exit, string output, _) = Run("flash", "--firmware", Path.Combine(folder, "package"), "--app", Path.Combine(folder, "App.bin"), "--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("application", output, StringComparison.Ordinal);
        Assert.Contains("0x1E0000", output, StringComparison.Ordinal);
        Assert.Contains("nothing is written", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Flash_AppWithoutMarker_ExitsWithInvalidImageAndAdvice()
    {
        File.WriteAllBytes(Path.Combine(folder, "Bad.bin"), new byte[100]);

        (int exit, _, string error) = Run("flash", "--firmware", Path.Combine(folder, "package"), "--app", Path.Combine(folder, "Bad.bin"), "--dry-run");

        Assert.Equal((int)ExitCode.FlashImageInvalid, exit);
        Assert.Contains("NFMRK1", error, StringComparison.Ordinal);
        Assert.Contains("hint:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Flash_MissingPort_ExitsWithPortUnavailable()
    {
        (int exit, _, string error) = Run("flash", "--port", "/dev/ttyNOPE9", "--firmware", Path.Combine(folder, "package"));

        Assert.Equal((int)ExitCode.FlashPortUnavailable, exit);
        Assert.Contains("/dev/ttyNOPE9 does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Flash_SilentPort_ExitsWithNoBootloaderAndABootLogHint()
    {
        using RomSimulator.RomSimulator silent = new(new RomSimulator.RomSimulatorOptions { Faults = new RomSimulator.FaultInjection { DropProbability = 1.0 } });
        string port = silent.ServePseudoTerminal();

        (int exit, _, string error) = Run("chip-info", "--port", port);

        Assert.Equal((int)ExitCode.FlashNoBootloader, exit);
        Assert.Contains("No serial data received", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ChipInfo_Json_ReportsEsp32MacAndFlashSize()
    {
        using SimulatedBoard board = new();

        (int exit, string output, _) = Run("chip-info", "--port", board.PortPath, "--json");

        Assert.Equal(0, exit);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement info = document.RootElement.GetProperty("info");
        Assert.Equal("ESP32", info.GetProperty("chip").GetString());
        Assert.Equal("24:6f:28:7a:d8:84", info.GetProperty("mac").GetString());
        Assert.Equal(4u << 20, info.GetProperty("flashBytes").GetUInt32());
        Assert.Equal(3, info.GetProperty("revision").GetInt32());
    }

    [Fact]
    public void Erase_Partition_ErasesOnlyThatPartition()
    {
        using SimulatedBoard board = new();
        Assert.Equal(0, Run("flash", "--port", board.PortPath, "--firmware", Path.Combine(folder, "package"), "--app", Path.Combine(folder, "App.bin"), "--json").Exit);

        (int exit, _, _) = Run("erase", "--port", board.PortPath, "--partition", "deploy");

        Assert.Equal(0, exit);
        Assert.All(board.Read(0x1E0000, 40_000), value => Assert.Equal(0xFF, value));
        Assert.NotEqual(0xFF, board.Read(0x10000, 1)[0]);
    }

    [Fact]
    public void Erase_MisalignedRegion_IsRefusedWithValueOutOfRange()
    {
        (int exit, _, string error) = Run("erase", "--port", "/dev/null", "--region", "0x1E0100:0x1000");

        Assert.Equal((int)ExitCode.ValueOutOfRange, exit);
        Assert.Contains("4 KB", error, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) Run(params string[] arguments)
    {
        StringWriter output = new();
        StringWriter error = new();
        ParseResult parse = Program.BuildRootCommand().Parse(arguments);
        int exit = parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
