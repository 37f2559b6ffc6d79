using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace Wand.Cli.Tests;

/// <summary>
/// <c>wand sim station</c>: the end-of-line plan over <c>--device tcp://…</c> against a served wand with the simulated
/// instruments, as CI runs it (HC-4): PASS on a healthy unit, FAIL on a seeded defect, naming the measurements.
/// </summary>
[Trait("Requirement", "HC-4")]
public sealed partial class SimStationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("wand-sim-station-").FullName;

    private static string Plan => Path.Combine(AppContext.BaseDirectory, "plans", "end-of-line.yaml");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task EndOfLine_OverTcpWithSimulatedInstruments_PassesAHealthyUnit()
    {
        (ChildProcess station, string device, string configuration) = await StartStationAsync("healthy");
        using (station)
        {
            CliResult run = await ChildProcess.RunAsync(TimeSpan.FromMinutes(3), "--device", device, "--json", "test", "run", Plan, "--station-config", configuration, "--report-dir", Path.Combine(folder, "healthy-reports"), "--no-results");

            Assert.True(run.ExitCode == (int)ExitCode.Success, run.ToString());
            JsonElement result = run.Json;
            Assert.Equal("PASS", result.GetProperty("outcome").GetString());
            JsonElement instruments = result.GetProperty("record").GetProperty("instruments");
            Assert.Equal(["supply", "dmm", "relays", "jig"], instruments.EnumerateArray().Select(item => item.GetProperty("name").GetString()!).ToArray());
            Assert.Contains("SIMJIG", instruments[3].GetProperty("identity").GetString(), StringComparison.Ordinal);

            // SIGINT (Ctrl-C) stops the station cleanly.
            station.Interrupt();
            Assert.Equal((int)ExitCode.Success, await station.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        }
    }

    [Fact]
    public async Task EndOfLine_OverTcpWithSimulatedInstruments_FailsASwappedMotorOnItsAmplitudes()
    {
        (ChildProcess station, string device, string configuration) = await StartStationAsync("swapped-motor", "--world", "motor-gain=0.75");
        using (station)
        {
            CliResult run = await ChildProcess.RunAsync(TimeSpan.FromMinutes(3), "--device", device, "--json", "test", "run", Plan, "--station-config", configuration, "--report-dir", Path.Combine(folder, "defect-reports"), "--no-results");

            Assert.True(run.ExitCode == (int)ExitCode.TestFailed, run.ToString());
            string[] failed = run.Json.GetProperty("failedMeasurements").EnumerateArray().Select(item => item.GetString()!).ToArray();
            Assert.Contains("level-1-amplitude", failed);
            Assert.Contains("level-5-amplitude", failed);
            Assert.All(failed, name => Assert.Contains("amplitude", name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Calibrate_OverTcpWithTheStationJig_PassesAndWritesTheRecord()
    {
        (ChildProcess station, string device, string configuration) = await StartStationAsync("calibrate");
        using (station)
        {
            string reports = Path.Combine(folder, "calibration-reports");
            CliResult run = await ChildProcess.RunAsync(TimeSpan.FromMinutes(3), "--device", device, "--json", "calibrate", "--station-config", configuration, "--report-dir", reports);

            Assert.True(run.ExitCode == (int)ExitCode.Success, run.ToString());
            JsonElement result = run.Json.GetProperty("result");
            Assert.True(result.GetProperty("written").GetBoolean(), run.Output);
            Assert.Contains("SIMJIG", result.GetProperty("sensor").GetString(), StringComparison.Ordinal);
            Assert.True(File.Exists(run.Json.GetProperty("reports").GetProperty("jsonPath").GetString()), run.Output);

            // The fixture power-cycled the unit out of factory mode again: no operator note, and the wand runs on the new record.
            Assert.DoesNotContain("power-cycle", result.GetProperty("message").GetString(), StringComparison.Ordinal);
            CliResult status = await ChildProcess.RunAsync(TimeSpan.FromSeconds(60), "--device", device, "--json", "status");
            Assert.True(status.ExitCode == (int)ExitCode.Success, status.ToString());
            Assert.Equal("None", status.Json.GetProperty("status").GetProperty("flags").GetString());
        }
    }

    [Fact]
    public async Task EndOfLineWithItsCalibrationPhase_OverTcp_PassesEveryPhaseAfterTheReboots()
    {
        // The calibration phase goes in after identification, as hardware/test-plans/calibration.yaml is meant to be used.
        string endOfLine = await File.ReadAllTextAsync(Plan);
        string calibration = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "plans", "calibration.yaml"));
        string phase = calibration[calibration.IndexOf("  - name: calibration", StringComparison.Ordinal)..calibration.IndexOf("\nteardown:", StringComparison.Ordinal)];
        string combined = Path.Combine(folder, "end-of-line-calibrated.yaml");
        await File.WriteAllTextAsync(combined, endOfLine.Replace("  - name: heads\n", phase.TrimEnd() + "\n\n  - name: heads\n", StringComparison.Ordinal));

        (ChildProcess station, string device, string configuration) = await StartStationAsync("calibrated-eol", "--world", "calibrated=off");
        using (station)
        {
            CliResult run = await ChildProcess.RunAsync(TimeSpan.FromMinutes(3), "--device", device, "--json", "test", "run", combined, "--station-config", configuration, "--report-dir", Path.Combine(folder, "calibrated-reports"), "--no-results");

            Assert.True(run.ExitCode == (int)ExitCode.Success, run.ToString());
            JsonElement phases = run.Json.GetProperty("record").GetProperty("phases");
            string[] names = [.. phases.EnumerateArray().Select(item => item.GetProperty("name").GetString()!)];
            Assert.Equal(Array.IndexOf(names, "identification") + 1, Array.IndexOf(names, "calibration"));
            int measurements = phases.EnumerateArray().Sum(item => item.GetProperty("measurements").GetArrayLength());
            CliResult validate = await ChildProcess.RunAsync(TimeSpan.FromSeconds(60), "--json", "test", "validate", Plan);
            Assert.Equal(validate.Json.GetProperty("measurements").GetInt32() + 8, measurements);
            Assert.All(phases.EnumerateArray(), item => Assert.Equal("PASS", item.GetProperty("outcome").GetString()));
        }
    }

    [Fact]
    public async Task Calibrate_SensorAndStationConfigTogether_AreRefused()
    {
        string configuration = Path.Combine(folder, "unused.station.yaml");
        await File.WriteAllTextAsync(configuration, "station: eol-01\n");

        CliResult result = await ChildProcess.RunAsync(TimeSpan.FromSeconds(60), "calibrate", "--sensor", "sim", "--station-config", configuration, "--report-dir", Path.Combine(folder, "unused"));

        Assert.Equal((int)ExitCode.ValueOutOfRange, result.ExitCode);
        Assert.Contains("--station-config", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_StationConfigWithAnError_IsRefusedWithItsPlace()
    {
        string configuration = Path.Combine(folder, "bad.station.yaml");
        await File.WriteAllTextAsync(configuration, "station: eol-01\ninstruments:\n  jig: {kind: jig, address: \"tcp://127.0.0.1:1\", reply-margin-ms: 0}\nactions: {}\n");

        CliResult result = await ChildProcess.RunAsync(TimeSpan.FromSeconds(60), "calibrate", "--station-config", configuration, "--report-dir", Path.Combine(folder, "unused"));

        Assert.Equal((int)ExitCode.InvalidInput, result.ExitCode);
        Assert.Contains("bad.station.yaml:3:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimStation_BadWorldOption_IsRefusedWithItsName()
    {
        CliResult result = await ChildProcess.RunAsync(TimeSpan.FromSeconds(60), "sim", "station", "--world", "motor-gain=3");

        Assert.Equal((int)ExitCode.ValueOutOfRange, result.ExitCode);
        Assert.Contains("motor-gain", result.Error, StringComparison.Ordinal);
    }

    private async Task<(ChildProcess Station, string Device, string Configuration)> StartStationAsync(string name, params string[] extra)
    {
        string configuration = Path.Combine(folder, name + ".station.yaml");
        ChildProcess station = ChildProcess.Start(["sim", "station", "--config-out", configuration, .. extra]);
        try
        {
            string output = await station.WaitForOutputAsync("Station configuration (written to", TimeSpan.FromSeconds(60));
            return (station, AddressPattern().Match(output).Value, configuration);
        }
        catch
        {
            station.Dispose();
            throw;
        }
    }

    [GeneratedRegex(@"tcp://127\.0\.0\.1:\d+")]
    private static partial Regex AddressPattern();
}
