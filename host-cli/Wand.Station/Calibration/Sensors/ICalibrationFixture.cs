using Wand.Host.TestRuns.Steps;

namespace Wand.Host.Calibration.Sensors;

/// <summary>
/// A station fixture that also carries the calibration accelerometer on the unit's head, measuring on the device clock
/// (<see cref="IStationFixture.DeviceMilliseconds"/>). The virtual wand's simulated fixture is one; the plan names it
/// with <c>sensor: sim</c>. A jig on a serial line is the other way to measure.
/// </summary>
public interface ICalibrationFixture : IStationFixture
{
    /// <summary>Opens the fixture's vibration sensor for one calibration.</summary>
    /// <returns>The sensor; the caller disposes it.</returns>
    IVibrationSensor OpenVibrationSensor();
}
