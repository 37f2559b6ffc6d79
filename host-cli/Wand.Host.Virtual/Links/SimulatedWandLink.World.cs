using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Simulation;

namespace Wand.Host.Links.Simulated;

/// <summary>
/// World control of the in-process virtual wand.
/// </summary>
public sealed partial class SimulatedWandLink : IWorldControl
{
    /// <summary>Longest span one <see cref="AdvanceAsync"/> may run, in milliseconds (one hour).</summary>
    public const long MaximumAdvanceMilliseconds = 3_600_000;

    /// <inheritdoc/>
    public Task SetHeadResistorAsync(double? idResistorOhms, CancellationToken cancellationToken = default)
    {
        if (idResistorOhms is double ohms && (ohms < 0 || double.IsNaN(ohms)))
        {
            throw new ArgumentOutOfRangeException(nameof(idResistorOhms), ohms, "The ID resistor must be 0 Ω (short) or more.");
        }

        return WithWandAsync(wand => wand.Board.SetHeadResistor(idResistorOhms), cancellationToken);
    }

    /// <inheritdoc/>
    public Task SetTemperatureAsync(double? degreesCelsius, CancellationToken cancellationToken = default)
    {
        if (degreesCelsius is double celsius && (celsius < -20 || celsius > 90))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesCelsius), celsius, "The temperature must be −20 to 90 °C.");
        }

        return WithWandAsync(wand => wand.Board.ForceHeadTemperature(degreesCelsius), cancellationToken);
    }

    /// <inheritdoc/>
    public Task SetBatteryAsync(double volts, CancellationToken cancellationToken = default)
    {
        if (volts < 3.0 || volts > 4.2 || double.IsNaN(volts))
        {
            throw new ArgumentOutOfRangeException(nameof(volts), volts, "The cell voltage must be 3.0 to 4.2 V.");
        }

        return WithWandAsync(wand => wand.Board.SetBatteryVolts(volts), cancellationToken);
    }

    /// <inheritdoc/>
    public Task SetUsbPowerAsync(bool plugged, CancellationToken cancellationToken = default)
    {
        return WithWandAsync(wand => wand.Board.SetUsbPower(plugged), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task PressButtonAsync(int milliseconds, CancellationToken cancellationToken = default)
    {
        if (milliseconds < 20 || milliseconds > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(milliseconds), milliseconds, "A press lasts 20 to 10000 ms.");
        }

        await WithWandAsync(wand => wand.Board.PressButton(milliseconds), cancellationToken).ConfigureAwait(false);
        await WaitVirtualAsync(milliseconds + 100, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task AdvanceAsync(long milliseconds, CancellationToken cancellationToken = default)
    {
        if (milliseconds < 0 || milliseconds > MaximumAdvanceMilliseconds)
        {
            throw new ArgumentOutOfRangeException(nameof(milliseconds), milliseconds, "Advance 0 to 3600000 ms at a time.");
        }

        return WaitVirtualAsync(milliseconds, cancellationToken);
    }

    /// <inheritdoc/>
    public Task InjectFaultAsync(string fault, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fault);
        return WithWandAsync(wand => wand.Board.InjectFault(fault), cancellationToken);
    }

    /// <summary>Lets virtual time pass: runs the wand in virtual mode, or waits on the wall clock in real-time mode.</summary>
    private async Task WaitVirtualAsync(long milliseconds, CancellationToken cancellationToken)
    {
        if (options.ClockMode == SimulatedClockMode.RealTime)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), cancellationToken).ConfigureAwait(false);
            return;
        }

        // In slices, so a long advance can be cancelled.
        long remaining = milliseconds;
        while (remaining > 0)
        {
            long slice = Math.Min(remaining, 10_000);
            await WithWandAsync(wand => wand.RunFor(slice), cancellationToken).ConfigureAwait(false);
            remaining -= slice;
        }
    }
}
