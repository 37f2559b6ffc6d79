using System;
using Wand.Host.Calibration.Sensors;
using Wand.Host.Links;
using Wand.Host.Links.Simulated;
using Wand.Host.TestRuns.Steps;
using Wand.Simulation;

namespace Wand.Host.TestRuns.Running;

/// <summary>
/// The station fixture of an in-process virtual wand: the simulated head accelerometer, the motor's average voltage and
/// the virtual clock, and the head accelerometer as the calibration sensor. Reads happen between the link's requests (the runner is sequential), when the virtual board is
/// not stepping.
/// </summary>
public sealed class SimulatedStationFixture : ICalibrationFixture, ISensorCalibrationStation
{
    private readonly SimulatedWandLink link;

    /// <summary>Initializes a new instance of the <see cref="SimulatedStationFixture"/> class.</summary>
    /// <param name="link">The virtual wand's link.</param>
    public SimulatedStationFixture(SimulatedWandLink link)
    {
        this.link = link ?? throw new ArgumentNullException(nameof(link));
    }

    /// <inheritdoc/>
    public long DeviceMilliseconds => link.Wand.Now;

    /// <summary>Gives the fixture for a link: the simulated one for an in-process virtual wand, otherwise none.</summary>
    /// <param name="link">The link.</param>
    /// <returns>The fixture, or <c>null</c>.</returns>
    public static IStationFixture? For(IWandLink link) => link is SimulatedWandLink simulated ? new SimulatedStationFixture(simulated) : null;

    /// <inheritdoc/>
    public IVibrationSensor OpenVibrationSensor() => new SimulatedVibrationSensor(link);

    /// <summary>Creates the sensor calibration's fixture: precision resistors in place of the NTC and head, the metered supply.</summary>
    /// <returns>The fixture.</returns>
    public ISensorCalibrationFixture CreateSensorCalibrationFixture() => new SimulatedSensorFixture(link);

    /// <summary>
    /// Accelerometer samples the jig averages into one amplitude reading: it reports the mean amplitude over its window
    /// (hardware/jig-accelerometer.md, <c>MEASURE</c>), here 16 samples over one 20 ms poll.
    /// </summary>
    public const int SamplesPerReading = 16;

    /// <inheritdoc/>
    public double ReadAmplitudeG()
    {
        HeadAccelerometer accelerometer = link.Wand.Board.Accelerometer;
        double sum = 0;
        for (int sample = 0; sample < SamplesPerReading; sample++)
        {
            sum += accelerometer.ReadAmplitudeG();
        }

        return sum / SamplesPerReading;
    }

    /// <inheritdoc/>
    public double ReadFrequencyHertz() => link.Wand.Board.Accelerometer.ReadFrequencyHertz();

    /// <inheritdoc/>
    public double ReadMotorVolts() => link.Wand.Board.MotorVolts;
}
