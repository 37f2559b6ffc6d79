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
