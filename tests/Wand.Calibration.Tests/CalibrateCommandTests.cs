using System;
using System.CommandLine;
using System.IO;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Wand.Cli;
using Xunit;

namespace Wand.Calibration.Tests;

/// <summary><c>wand calibrate</c> end to end on the virtual wand.</summary>
public sealed class CalibrateCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "wand-calibrate-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Calibrate_MiscalibratedVirtualUnitJson_BroughtWithinSpecAndReportsWritten()
    {
        (int exit, string output, string error) = await RunAsync("calibrate", "--json", "--device", "sim:motor-spread=0.25,seed=12", "--sim-miscalibrate", "--report-dir", directory);

        Assert.True(exit == 0, error);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
        Assert.Equal("pass", root.GetProperty("result").GetProperty("outcome").GetString());
        Assert.True(root.GetProperty("result").GetProperty("written").GetBoolean());
        double[] before = root.GetProperty("virtualUnitTrueLevelAmplitudesBeforeG").Deserialize<double[]>()!;
        double[] after = root.GetProperty("virtualUnitTrueLevelAmplitudesG").Deserialize<double[]>()!;
        for (int level = 1; level <= 5; level++)
        {
            double target = Wand.Host.Calibration.LevelTargets.Product.AmplitudeG(level);
            Assert.True(Math.Abs(before[level - 1] - target) / target > 0.05, $"level {level} was already within spec");
            Assert.InRange(Math.Abs(after[level - 1] - target) / target, 0, 0.05);
        }

        string html = File.ReadAllText(root.GetProperty("reports").GetProperty("htmlPath").GetString()!);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("breakaway", html, StringComparison.Ordinal);
        Assert.True(File.Exists(root.GetProperty("reports").GetProperty("jsonPath").GetString()));
    }

    [Fact]
    public async Task Calibrate_Terminal_ShowsProgressAndSummary()
    {
        (int exit, string output, _) = await RunAsync("calibrate", "--device", "sim:calibrated=off,motor-spread=0.25,seed=3", "--report-dir", directory);

        Assert.Equal(0, exit);
        Assert.Contains("Breakaway", output, StringComparison.Ordinal);
        Assert.Contains("Verifying", output, StringComparison.Ordinal);
        Assert.Contains("PASS", output, StringComparison.Ordinal);
        Assert.Contains("before: L1 ", output, StringComparison.Ordinal);
        Assert.Contains("L5 refused", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(11, "calibrate", "--device", "tcp://127.0.0.1:1")]
    [InlineData(10, "calibrate", "--device", "sim:motor-spread=0.9")]
    [InlineData(10, "calibrate", "--device", "sim:bogus=1")]
    [InlineData(36, "calibrate", "--sensor", "serial:/dev/ttyNOPE9")]
    [InlineData(36, "calibrate", "--sensor", "usb")]
    public async Task Calibrate_BadInput_ClearErrorAndExitCode(int expected, params string[] arguments)
    {
        (int exit, _, string error) = await RunAsync([.. arguments, "--report-dir", directory]);

        Assert.Equal(expected, exit);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.False(Directory.Exists(directory), "nothing is written on bad input");
    }

    [Fact]
    public void ExitCodes_CalibrationRange_EachHasAnActionableMessage()
    {
        foreach (ExitCode code in Enum.GetValues<ExitCode>())
        {
            if ((int)code is >= 30 and <= 39)
            {
                ExitCodeMessageAttribute? message = typeof(ExitCode).GetField(code.ToString())!.GetCustomAttribute<ExitCodeMessageAttribute>();
                Assert.NotNull(message);
                Assert.True(message!.Message.Length > 30, code.ToString());
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] arguments)
    {
        StringWriter output = new();
        StringWriter error = new();
        int exit = await Program.BuildRootCommand().Parse(arguments).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
