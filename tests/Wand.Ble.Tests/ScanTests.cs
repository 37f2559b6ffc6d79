using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Wand.Cli;
using Wand.Host.Links.Ble;
using Wand.Protocol.Vocabulary;
using Wand.BleBed;
using Xunit;

namespace Wand.Ble.Tests;

[Collection(TestBedGroup.Name)]
public sealed class ScanTests(TestBed bed)
{
    [Fact]
    public async Task Scan_ListsWandsStrongestFirst_NoHeadOrBatteryFromThe10Advertisement()
    {
        VirtualWandPeripheral strong = await bed.AddWandAsync("BB:00:00:00:00:01", "Wand-B1", rssi: -40, head: HeadIdentity.RidgedWave, batteryVolts: 3.7);
        await bed.AddWandAsync("BB:00:00:00:00:02", "Wand-B2", rssi: -90, head: HeadIdentity.None, batteryVolts: 3.5);

        var wands = await BleScanner.ScanAsync(TimeSpan.FromSeconds(1), new BleLinkOptions { BusAddress = bed.BusAddress });

        int first = FindIndex(wands, "ble:BB:00:00:00:00:01");
        int second = FindIndex(wands, "ble:BB:00:00:00:00:02");
        Assert.True(first < second);
        Assert.Equal(("Wand-B1", (short)-40), (wands[first].Name, wands[first].Rssi));
        // The 1.0 firmware advertises flags, name and the Wand service UUID only, no service data (PROFILE.md §13).
        Assert.Equal((null, null), (wands[first].Head, wands[first].BatteryPercent));
        Assert.InRange(strong.Controller.BatteryPercent, 1, 99);
    }

    [Fact]
    public async Task ScanCommand_Json_PrintsOneDocumentAndSucceeds()
    {
        await bed.AddWandAsync("BB:00:00:00:00:03", "Wand-B3", head: HeadIdentity.BristleBrush);
        StringWriter output = new();
        StringWriter error = new();

        int exitCode = await Program.BuildRootCommand().Parse(["scan", "--seconds", "1", "--json"])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });

        Assert.True(exitCode == (int)ExitCode.Success, $"exit code {exitCode}, standard error: {error}");
        Assert.Equal(string.Empty, error.ToString());
        using JsonDocument document = JsonDocument.Parse(output.ToString());
        bool found = false;
        foreach (JsonElement wand in document.RootElement.EnumerateArray())
        {
            if (wand.GetProperty("address").GetString() == "ble:BB:00:00:00:00:03")
            {
                found = true;
                Assert.Equal("Wand-B3", wand.GetProperty("name").GetString());
                Assert.Equal(JsonValueKind.Null, wand.GetProperty("head").ValueKind);
            }
        }

        Assert.True(found);
    }

    [Fact]
    public async Task ScanCommand_Plain_ShowsProgressAndTable()
    {
        await bed.AddWandAsync("BB:00:00:00:00:04", "Wand-B4");
        StringWriter output = new();
        StringWriter error = new();

        int exitCode = await Program.BuildRootCommand().Parse(["scan", "-s", "1"])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });

        Assert.True(exitCode == (int)ExitCode.Success, $"exit code {exitCode}, standard error: {error}");
        Assert.Contains("Scanning on hci0", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Wand-B4", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("ble:BB:00:00:00:00:04", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanCommand_MissingAdapter_ExitsWithAdapterCode()
    {
        StringWriter output = new();
        StringWriter error = new();

        int exitCode = await Program.BuildRootCommand().Parse(["scan", "-s", "1", "--adapter", "hci9"])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });

        Assert.Equal((int)ExitCode.BluetoothAdapterMissing, exitCode);
        Assert.Contains("hci9", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanCommand_SecondsOutOfRange_IsRefused()
    {
        StringWriter error = new();

        int exitCode = await Program.BuildRootCommand().Parse(["scan", "-s", "0"])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal((int)ExitCode.ValueOutOfRange, exitCode);
        Assert.Contains("--seconds", error.ToString(), StringComparison.Ordinal);
    }

    private static int FindIndex(System.Collections.Generic.IReadOnlyList<ScannedWand> wands, string address)
    {
        for (int index = 0; index < wands.Count; index++)
        {
            if (wands[index].Address == address)
            {
                return index;
            }
        }

        throw new Xunit.Sdk.XunitException($"{address} was not in the scan result.");
    }
}
