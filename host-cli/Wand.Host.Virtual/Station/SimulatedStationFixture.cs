using System;
using Wand.Host.Calibration.Sensors;
using Wand.Host.Links;
using Wand.Host.Links.Simulated;
using Wand.Host.TestRuns.Steps;

namespace Wand.Host.TestRuns.Running;

/// <summary>
/// The station fixture of an in-process virtual wand: the simulated head accelerometer, the motor's average voltage and
/// the virtual clock, and the head accelerometer as the calibration sensor. Reads happen between the link's requests (the runner is sequential), when the virtual board is
/// not stepping.
/// </summary>
public sealed class SimulatedStationFixture : ICalibrationFixture
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

    /// <inheritdoc/>
    public double ReadAmplitudeG() => link.Wand.Board.Accelerometer.ReadAmplitudeG();

    /// <inheritdoc/>
    public double ReadFrequencyHertz() => link.Wand.Board.Accelerometer.ReadFrequencyHertz();

    /// <inheritdoc/>
    public double ReadMotorVolts() => link.Wand.Board.MotorVolts;
}
