using System;
using System.Text;
using System.Threading.Tasks;
using Wand.Host.Calibration;
using Wand.Host.Calibration.Jig;
using Wand.Host.Calibration.Sensors;
using Xunit;
using Wand.Host.Serial.Terminals;

namespace Wand.Calibration.Tests;

/// <summary>The jig accelerometer: the line protocol, and the client through a pseudo-terminal against a simulated jig.</summary>
public sealed class JigTests
{
    [Fact]
    public void MeasureReply_RoundTrips()
    {
        VibrationReading reading = new(0.123456, 0.005, 95.52, 80, 80);
        VibrationReading parsed = JigProtocol.ParseMeasureReply(JigProtocol.MeasureReply(reading) + "\r", 80);
        Assert.Equal(reading, parsed);
    }

    [Theory]
    [InlineData("ERR SENSOR no data", "error")]
    [InlineData("OK MEASURE 80 80 0.1 0.005", "expected")]
    [InlineData("OK MEASURE 40 80 0.1 0.005 95.0", "out of range")]
    [InlineData("OK MEASURE 80 80 -0.1 0.005 95.0", "not a number")]
    [InlineData("OK MEASURE 80 x 0.1 0.005 95.0", "whole number")]
    [InlineData("OK ID SIMJIG 1.0 1000", "expected")]
    public void ParseMeasureReply_BadLine_SensorExceptionQuotingIt(string line, string expected)
    {
        SensorException error = Assert.Throws<SensorException>(() => JigProtocol.ParseMeasureReply(line, 80));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MeasureRequest_WindowOutOfRange_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JigProtocol.MeasureRequest(4));
        Assert.Equal("MEASURE 2000", JigProtocol.MeasureRequest(2000));
    }

    [Fact]
    public void LineReader_SplitsChunksAndKeepsPartialLines()
    {
        using PseudoTerminal pty = PseudoTerminal.Open();
        LineReader reader = new(pty.Terminal);
        pty.Controller.Write(Encoding.ASCII.GetBytes("OK ID A 1 5"));
        Assert.Null(reader.ReadLine(TimeSpan.FromMilliseconds(50)));
        pty.Controller.Write(Encoding.ASCII.GetBytes("0\r\nsecond\n"));
        Assert.Equal("OK ID A 1 50", reader.ReadLine(TimeSpan.FromSeconds(1)));
        Assert.Equal("second", reader.ReadLine(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Calibrate_ThroughPseudoTerminalJig_Passes()
    {
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(seed: 91, spread: 0.25);
        using PseudoTerminal pty = PseudoTerminal.Open();
        using SimulatedJig jig = new(pty.Controller, unit.Sensor);

        // The host side opens the pty's terminal end like any serial port, through the host's serial-port seam.
        await using JigVibrationSensor sensor = new(SerialPortJigLine.Open(pty.TerminalPath));
        await sensor.IdentifyAsync();
        Assert.Contains(pty.TerminalPath, sensor.Description, StringComparison.Ordinal);
        Assert.Contains("SIMJIG", sensor.Description, StringComparison.Ordinal);

        CalibrationResult result = await new CalibrationProcedure(unit.Link, sensor, unit.Options()).RunAsync();

        Assert.Equal(CalibrationOutcome.Pass, result.Outcome);
        Assert.Contains("jig accelerometer", result.Sensor, StringComparison.Ordinal);
        Assert.True(jig.RequestCount > 20);
        double[] levels = PopulationRunner.MeasureLevelsInSession(unit.Link.Wand);
        for (int level = 1; level <= 5; level++)
        {
            Assert.InRange(levels[level - 1] / LevelTargets.Product.AmplitudeG(level), 0.95, 1.05);
        }
    }

    [Theory]
    [InlineData(SimulatedJigFault.Silent, "did not answer")]
    [InlineData(SimulatedJigFault.SensorError, "ERR SENSOR")]
    [InlineData(SimulatedJigFault.Garbage, "banana")]
    public async Task Calibrate_JigMisbehaves_ErrorNothingWritten(SimulatedJigFault fault, string expected)
    {
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(seed: 92, spread: 0.25);
        using PseudoTerminal pty = PseudoTerminal.Open();
        using SimulatedJig jig = new(pty.Controller, unit.Sensor) { Fault = fault };
        await using JigVibrationSensor sensor = new(SerialPortJigLine.Open(pty.TerminalPath));

        CalibrationResult result = await new CalibrationProcedure(unit.Link, sensor, unit.Options()).RunAsync();

        Assert.Equal(CalibrationOutcome.Error, result.Outcome);
        Assert.Equal(nameof(SensorException), result.FailureKind);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
        Assert.Null(unit.StoredRecord());
        Assert.Equal(0.0, unit.Link.Wand.Board.MotorVolts);
    }

    [Fact]
    public void Open_MissingDevice_NamesIt()
    {
        Wand.Host.Serial.SerialPortException error = Assert.ThrowsAny<Wand.Host.Serial.SerialPortException>(() => SerialPortJigLine.Open("/dev/ttyNOPE9"));
        Assert.Contains("/dev/ttyNOPE9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PseudoTerminal_HasTerminalPath()
    {
        using PseudoTerminal pty = PseudoTerminal.Open();
        Assert.StartsWith("/dev/pts/", pty.TerminalPath, StringComparison.Ordinal);
    }
}
