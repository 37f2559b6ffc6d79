using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Calibration.Sensors;

namespace Wand.Host.Calibration.Station;

/// <summary>
/// What a station's fixture offers a calibration (MD-2, SR-15): the instrument its configuration maps to
/// <c>head-vibration</c> as the calibration's accelerometer, and a power cycle through the supply with the jig strap
/// relay fitted or removed, the physical action that enters and leaves factory mode.
/// </summary>
public interface ICalibrationActions
{
    /// <summary>Gets a value indicating whether the fixture can power-cycle the unit with or without the strap (<c>factory-strap</c> and <c>supply</c> both on instruments).</summary>
    bool CanPowerCycle { get; }

    /// <summary>Gives the instrument mapped to <c>head-vibration</c> as a calibration sensor, or <c>null</c> when the virtual world measures it.</summary>
    /// <returns>The station's sensor; the station keeps owning it (disposing the returned object leaves it open).</returns>
    IVibrationSensor? OpenCalibrationSensor();

    /// <summary>Fits or removes the strap, turns the supply output off and on again.</summary>
    /// <param name="factoryStrap"><c>true</c> to boot into factory mode.</param>
    /// <param name="cancellationToken">Cancels the action.</param>
    /// <returns>A task that completes when the supply is on again (the unit is booting).</returns>
    /// <exception cref="WandHostException">The fixture cannot do it or an instrument failed.</exception>
    Task PowerCycleAsync(bool factoryStrap, CancellationToken cancellationToken);
}
