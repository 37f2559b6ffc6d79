using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.TestRuns.Fixture;

/// <summary>
/// What a station fixture does to and reads from the unit (HC-4). Every station means the same by each action; the
/// station configuration decides whether the virtual world or a real instrument carries it out. An action that the
/// fixture cannot do or an instrument that fails throws a <see cref="WandHostException"/>, so the phase ends in ERROR,
/// never FAIL.
/// </summary>
public interface IFixtureActions
{
    /// <summary>Connects a head ID resistor, or leaves the ID line open or shorted.</summary>
    /// <param name="ohms">The resistor, in ohms, above 0; 0 shorts the line; <c>null</c> leaves it open (no head).</param>
    /// <param name="cancellationToken">Cancels the action.</param>
    /// <returns>A task that completes when the switch has settled.</returns>
    Task SelectHeadResistorAsync(double? ohms, CancellationToken cancellationToken);

    /// <summary>Puts a fixed resistor in place of the head NTC, or reconnects the NTC.</summary>
    /// <param name="ohms">The substitute, in ohms, above 0; <c>null</c> reconnects the head's own NTC.</param>
    /// <param name="cancellationToken">Cancels the action.</param>
    /// <returns>A task that completes when the switch has settled.</returns>
    Task SelectNtcSubstituteAsync(double? ohms, CancellationToken cancellationToken);

    /// <summary>Sets the battery-emulating supply and turns its output on.</summary>
    /// <param name="volts">Output voltage, 3.0 to 4.2 V.</param>
    /// <param name="currentLimitAmperes">Current limit, 0.01 to 3 A; <c>null</c> keeps the present limit.</param>
    /// <param name="cancellationToken">Cancels the action.</param>
    /// <returns>A task that completes when the supply accepted the settings.</returns>
    Task SetSupplyAsync(double volts, double? currentLimitAmperes, CancellationToken cancellationToken);

    /// <summary>Measures the current the unit draws from the supply.</summary>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    /// <returns>The current, in amperes, 0 or more.</returns>
    Task<double> MeasureSupplyCurrentAsync(CancellationToken cancellationToken);

    /// <summary>Measures the supply voltage at the unit's battery terminals (the reference of the sensor calibration, SR-18).</summary>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    /// <returns>The voltage, in volts, 0 or more.</returns>
    Task<double> MeasureSupplyVoltsAsync(CancellationToken cancellationToken);

    /// <summary>Switches USB power to the unit on or off.</summary>
    /// <param name="powered"><c>true</c> to power the USB input.</param>
    /// <param name="cancellationToken">Cancels the action.</param>
    /// <returns>A task that completes when the switch has settled.</returns>
    Task SetUsbPowerAsync(bool powered, CancellationToken cancellationToken);

    /// <summary>Presses the unit's button for a while and releases it.</summary>
    /// <param name="milliseconds">How long the button is held, 20 to 10,000 ms.</param>
    /// <param name="cancellationToken">Cancels the action.</param>
    /// <returns>A task that completes after the release.</returns>
    Task PressButtonAsync(int milliseconds, CancellationToken cancellationToken);

    /// <summary>Measures the average voltage across the motor.</summary>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    /// <returns>The voltage, in volts, 0 or more.</returns>
    Task<double> MeasureMotorVoltsAsync(CancellationToken cancellationToken);

    /// <summary>Measures the vibration amplitude at the head with the fixture's accelerometer.</summary>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    /// <returns>Peak amplitude, in g, 0 or more.</returns>
    Task<double> MeasureHeadVibrationAsync(CancellationToken cancellationToken);
}
