using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.Links;

/// <summary>
/// Control of a virtual wand's simulated world: what a QA plan or an integrator changes to exercise the firmware.
/// Only virtual wands offer it; on real hardware <see cref="IWandLink.World"/> is <c>null</c>.
/// </summary>
public interface IWorldControl
{
    /// <summary>Attaches a head by its ID resistor, or detaches it.</summary>
    /// <param name="idResistorOhms">The head's ID resistor, in ohms; 0 shorts the ID line; <c>null</c> detaches (open line).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when applied.</returns>
    Task SetHeadResistorAsync(double? idResistorOhms, CancellationToken cancellationToken = default);

    /// <summary>Sets the head temperature the NTC sees.</summary>
    /// <param name="degreesCelsius">Temperature, −20 to 90 °C; <c>null</c> returns to the thermal model.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when applied.</returns>
    Task SetTemperatureAsync(double? degreesCelsius, CancellationToken cancellationToken = default);

    /// <summary>Sets the cell's open-circuit voltage.</summary>
    /// <param name="volts">Open-circuit voltage, 3.0 to 4.2 V.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when applied.</returns>
    Task SetBatteryAsync(double volts, CancellationToken cancellationToken = default);

    /// <summary>Plugs or unplugs USB power.</summary>
    /// <param name="plugged"><c>true</c> when USB power is present.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when applied.</returns>
    Task SetUsbPowerAsync(bool plugged, CancellationToken cancellationToken = default);

    /// <summary>Presses the button for a while and releases it.</summary>
    /// <param name="milliseconds">How long the button is held, 20 to 10000 ms.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes after the release.</returns>
    Task PressButtonAsync(int milliseconds, CancellationToken cancellationToken = default);

    /// <summary>Lets simulated time pass.</summary>
    /// <param name="milliseconds">Virtual milliseconds to advance, 0 to 3,600,000.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the time has passed.</returns>
    Task AdvanceAsync(long milliseconds, CancellationToken cancellationToken = default);

    /// <summary>Injects a fault into the simulated hardware.</summary>
    /// <param name="fault">The fault, for example <c>stuck-ntc</c>, <c>adapter-exception</c> or <c>loop-stall</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when applied.</returns>
    Task InjectFaultAsync(string fault, CancellationToken cancellationToken = default);
}
