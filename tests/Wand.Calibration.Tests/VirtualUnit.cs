using System;
using System.Threading.Tasks;
using Wand.Host.Calibration;
using Wand.Host.Calibration.Sensors;
using Wand.Host.Links.Simulated;
using Wand.Protocol.Factory;
using Wand.Simulation;

namespace Wand.Calibration.Tests;

/// <summary>A connected virtual wand with its simulated accelerometer, calibrated on demand.</summary>
internal sealed class VirtualUnit : IAsyncDisposable
{
    private VirtualUnit(SimulatedWandLink link)
    {
        Link = link;
        Sensor = new SimulatedVibrationSensor(link);
    }

    public SimulatedWandLink Link { get; }

    public SimulatedVibrationSensor Sensor { get; }

    public ErmMotorParameters Motor => Link.Wand.Board.Motor.Parameters;

    public static async Task<VirtualUnit> ConnectAsync(SimulatedWandOptions options)
    {
        VirtualUnit unit = new(new SimulatedWandLink(options));
        await unit.Link.ConnectAsync();
        return unit;
    }

    public static Task<VirtualUnit> ConnectAsync(ulong seed, double spread = 0.25, bool calibrated = false)
    {
        return ConnectAsync(new SimulatedWandOptions { Seed = seed, MotorSpread = spread, Calibrated = calibrated });
    }

    public CalibrationOptions Options(CalibrationOptions? options = null)
    {
        return (options ?? new CalibrationOptions()) with { Clock = () => Link.Wand.Now };
    }

    public Task<CalibrationResult> CalibrateAsync(CalibrationOptions? options = null)
    {
        return new CalibrationProcedure(Link, Sensor, Options(options)).RunAsync();
    }

    /// <summary>The record in the wand's storage right now, or null when none (or an undecodable one).</summary>
    public CalibrationRecord? StoredRecord()
    {
        byte[] buffer = new byte[64];
        int length = Link.Wand.Board.Storage.Read(Wand.Core.Hardware.StorageSlot.Calibration, buffer);
        if (length <= 0)
        {
            return null;
        }

        CalibrationRecord record = new();
        return record.Decode(buffer, 0, length) == Wand.Protocol.Profile.AttError.Success ? record : null;
    }

    /// <summary>The true steady amplitude of this unit's motor at a drive, from its parameters.</summary>
    public double TrueAmplitudeAt(int millivolts)
    {
        ErmMotorParameters motor = Motor;
        return motor.AmplitudeAt(motor.SteadyStateSpeedRpm(millivolts / 1000.0));
    }

    public ValueTask DisposeAsync() => Link.DisposeAsync();
}
