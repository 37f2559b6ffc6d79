using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Wand.Cli;
using Wand.Protocol.Vocabulary;
using Wand.BleBed;
using Xunit;

namespace Wand.Ble.Tests;

/// <summary>The CLI commands that work over tcp:// used with a ble: address against the mocked BlueZ.</summary>
[Collection(TestBedGroup.Name)]
public sealed class CliOverBleTests(TestBed bed)
{
    [Fact]
    public async Task StatusStartStopInfoAndFaults_WorkOverBle()
    {
        VirtualWandPeripheral wand = await bed.AddWandAsync("CC:00:00:00:00:01", "Wand-C1", known: true);
        string device = "ble:CC:00:00:00:00:01";

        (int code, string output, string error) = await Run("--device", device, "status", "--json");
        Assert.True(code == 0, error);
        using (JsonDocument status = JsonDocument.Parse(output))
        {
            Assert.Equal("idle", status.RootElement.GetProperty("status").GetProperty("state").GetString());
            Assert.Equal("softDome", status.RootElement.GetProperty("head").GetProperty("identity").GetString());
        }

        (code, output, error) = await Run("--device", device, "start", "--level", "2", "--for", "1");
        Assert.True(code == 0, error);
        Assert.Equal(StopReason.RemoteCommand, wand.Controller.LastStopReason);

        (code, _, error) = await Run("--device", device, "info", "--json");
        Assert.True(code == 0, error);

        (code, _, error) = await Run("--device", device, "faults", "--json");
        Assert.True(code == 0, error);

        (code, _, error) = await Run("--device", device, "stop");
        Assert.NotEqual(0, code);
        Assert.Contains("no session is running (ATT error 0x98)", error, System.StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Start_RefusedByTheWandOverBle_ExitsWithTheRefusal()
    {
        VirtualWandPeripheral wand = await bed.AddWandAsync("CC:00:00:00:00:02", "Wand-C2", known: true, head: HeadIdentity.None);
        (int code, _, string error) = await Run("--device", "ble:CC:00:00:00:00:02", "start", "--level", "2", "--for", "1");
        Assert.Equal((int)ExitCode.DeviceRefused, code);
        Assert.Contains("head", error, System.StringComparison.OrdinalIgnoreCase);
        Assert.Equal(SessionState.Idle, wand.Controller.SessionState);
    }

    [Fact]
    public async Task SmokePlan_PassesOverBle()
    {
        await bed.AddWandAsync("CC:00:00:00:00:03", "Wand-C3", known: true);
        string reports = Path.Combine(Path.GetTempPath(), "wand-ble-smoke-" + System.Guid.NewGuid().ToString("N"));
        try
        {
            string plan = Path.Combine(TestBed.RepositoryRoot(), "hardware", "test-plans", "smoke.yaml");
            (int code, string output, string error) = await Run("--device", "ble:CC:00:00:00:00:03", "test", "run", plan, "--report-dir", reports, "--no-results", "--serial", "BLE-SMOKE-1");
            Assert.True(code == 0, output + error);
            Assert.NotEmpty(Directory.GetFiles(reports, "*.json"));
        }
        finally
        {
            if (Directory.Exists(reports))
            {
                Directory.Delete(reports, recursive: true);
            }
        }
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        StringWriter output = new();
        StringWriter error = new();
        int code = await Program.BuildRootCommand().Parse(args)
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
