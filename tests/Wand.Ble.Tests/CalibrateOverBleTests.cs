using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli;
using Wand.Core.Board;
using Wand.Core.Calibration;
using Wand.Core.Hardware;
using Wand.Host.Calibration;
using Wand.Host.Calibration.Jig;
using Wand.Host.Calibration.Sensors;
using Wand.Protocol.Factory;
using Wand.Protocol.Profile;
using Wand.BleBed;
using Xunit;
using Wand.Host.Serial.Terminals;

namespace Wand.Ble.Tests;

/// <summary>
/// 'wand calibrate' over ble: with the jig accelerometer on a serial line: the bridged wand booted with the factory
/// strap fitted, a simulated jig on a pseudo-terminal measuring that wand's head accelerometer.
/// </summary>
[Collection(TestBedGroup.Name)]
public sealed class CalibrateOverBleTests(TestBed bed)
{
    [Fact]
    public async Task MD2_CalibrateOverBleWithSerialJig_WritesAValidNewRecordAndAsksTheOperatorToLeaveFactoryMode()
    {
        VirtualWandPeripheral wand = await bed.AddWandAsync("CC:00:00:00:00:10", "Wand-CA", known: true, factoryStrap: true);
        wand.Paced = false;
        byte[]? before = StoredCalibration(wand);
        string reports = Path.Combine(Path.GetTempPath(), "wand-ble-calibrate-" + Guid.NewGuid().ToString("N"));
        using PseudoTerminal pty = PseudoTerminal.Open();
        using SimulatedJig jig = new(pty.Controller, new PeripheralAccelerometer(wand));
        try
        {
            (int code, string output, string error) = await Run(
                "--device", "ble:CC:00:00:00:00:10", "--json", "calibrate", "--sensor", "serial:" + pty.TerminalPath, "--report-dir", reports);

            Assert.True(code == 0, output + error);
            using JsonDocument document = JsonDocument.Parse(output);
            JsonElement result = document.RootElement.GetProperty("result");
            Assert.Equal("pass", result.GetProperty("outcome").GetString());
            Assert.Contains("jig accelerometer", result.GetProperty("sensor").GetString(), StringComparison.Ordinal);

            // A wand on a radio link cannot be power-cycled by the host: the operator removes the strap (SR-15).
            Assert.Contains(FactoryModeControl.LeaveInstructions, result.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.True(jig.RequestCount > 20, $"the jig served {jig.RequestCount} requests");
            Assert.NotEmpty(Directory.GetFiles(reports, "*.json"));
        }
        finally
        {
            if (Directory.Exists(reports))
            {
                Directory.Delete(reports, recursive: true);
            }
        }

        byte[]? after = StoredCalibration(wand);
        Assert.NotNull(after);
        Assert.False(before is not null && before.AsSpan().SequenceEqual(after), "the stored calibration record did not change");
        CalibrationRecord record = new();
        Assert.Equal(AttError.Success, record.Decode(after, 0, after.Length));
        Assert.True(CalibrationRules.IsValidFor(record, new SafetyLimits()), "the stored record is not valid for the board's limits");
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        StringWriter output = new();
        StringWriter error = new();
        int code = await Program.BuildRootCommand().Parse(args)
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static byte[]? StoredCalibration(VirtualWandPeripheral wand)
    {
        byte[] buffer = new byte[64];
        int length = wand.Board.Storage.Read(StorageSlot.Calibration, buffer);
        return length > 0 ? buffer[..length] : null;
    }

    /// <summary>The jig's accelerometer: the bridged wand's head accelerometer at 1 kHz, one virtual millisecond per sample.</summary>
    private sealed class PeripheralAccelerometer(VirtualWandPeripheral wand) : IVibrationSensor
    {
        public string Description => "head accelerometer of the bridged virtual wand";

        public Task<VibrationReading> MeasureAsync(int windowMilliseconds, CancellationToken cancellationToken = default)
        {
            SensorWindow.Check(windowMilliseconds);
            RunningStatistics statistics = default;
            double frequency = wand.SampleAccelerometer(windowMilliseconds, amplitude => statistics.Add(amplitude));
            return Task.FromResult(new VibrationReading(statistics.Mean, statistics.StandardDeviation, frequency, statistics.Count, windowMilliseconds));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
