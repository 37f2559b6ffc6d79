using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.Calibration.Sensors;

/// <summary>
/// The station fixture actions the sensor calibration (SR-18) needs (HC-4): a precision resistor in place of the head
/// NTC, the supply that stands in for the cell with its meter, and the head-ID resistor selector, plus waiting on the
/// device clock. The virtual wand's simulated fixture implements it; a real station maps it to its relay unit, supply
/// and DMM.
/// </summary>
public interface ISensorCalibrationFixture
{
    /// <summary>Puts a precision resistor in place of the head NTC, or reconnects the NTC.</summary>
    /// <param name="ohms">The resistor, in ohms (more than 0), or <c>null</c> for the NTC itself.</param>
    /// <param name="cancellationToken">Cancels the action.</param>
    /// <returns>A task that completes when switched.</returns>
    Task SubstituteThermistorAsync(double? ohms, CancellationToken cancellationToken);

    /// <summary>Sets the supply that stands in for the cell and reads it back with the fixture's meter.</summary>
    /// <param name="volts">The supply voltage, 3.0 to 4.2 V.</param>
    /// <param name="cancellationToken">Cancels the action.</param>
    /// <returns>The metered supply voltage, in volts.</returns>
    Task<double> SetSupplyAsync(double volts, CancellationToken cancellationToken);

    /// <summary>Selects a precision resistor on the head-ID line, or a production head.</summary>
    /// <param name="ohms">The resistor, in ohms, or <c>null</c> to reconnect the head.</param>
    /// <param name="cancellationToken">Cancels the action.</param>
    /// <returns>A task that completes when switched.</returns>
    Task SelectHeadResistorAsync(double? ohms, CancellationToken cancellationToken);

    /// <summary>Waits on the device clock (virtual time on a virtual wand).</summary>
    /// <param name="milliseconds">How long, 1 or more.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes after the wait.</returns>
    Task WaitAsync(int milliseconds, CancellationToken cancellationToken);
}
