using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Host.Links.Simulated;
using Wand.Simulation;

namespace Wand.TestRuns.Tests;

/// <summary>Virtual wands seeded with production defects.</summary>
internal static class Defects
{
    /// <summary>A unit whose calibration record was computed for another motor (25 % weaker speed gain fitted).</summary>
    public static SimulatedWandOptions MiscalibratedMotor { get; } = new()
    {
        Motor = ErmMotorParameters.Nominal with { SpeedGainRpmPerVolt = ErmMotorParameters.Nominal.SpeedGainRpmPerVolt * 0.75 },
        CalibrationMotor = ErmMotorParameters.Nominal,
    };

    /// <summary>The bristle-brush head's ID resistor fitted as 10 kΩ instead of 15 kΩ (a guard-zone reading): the wand must not accept it.</summary>
    public static IWandLink WithWrongBristleBrushResistor(SimulatedWandLink link) => new ResistorSwapLink(link, 15000, 10000);

    /// <summary>Sticks the head NTC at its present reading before the plan runs.</summary>
    public static async Task StickThermalSensorAsync(SimulatedWandLink link) => await link.InjectFaultAsync("stuck-ntc");

    /// <summary>A link whose world fits a different resistor whenever the plan attaches a given head.</summary>
    private sealed class ResistorSwapLink(SimulatedWandLink inner, double expectedOhms, double fittedOhms) : ForwardingLink(inner), IWorldControl
    {
        public override IWorldControl? World => this;

        public Task SetHeadResistorAsync(double? idResistorOhms, CancellationToken cancellationToken = default)
            => inner.SetHeadResistorAsync(idResistorOhms == expectedOhms ? fittedOhms : idResistorOhms, cancellationToken);

        public Task SetTemperatureAsync(double? degreesCelsius, CancellationToken cancellationToken = default) => inner.SetTemperatureAsync(degreesCelsius, cancellationToken);

        public Task SetBatteryAsync(double volts, CancellationToken cancellationToken = default) => inner.SetBatteryAsync(volts, cancellationToken);

        public Task SetUsbPowerAsync(bool plugged, CancellationToken cancellationToken = default) => inner.SetUsbPowerAsync(plugged, cancellationToken);

        public Task PressButtonAsync(int milliseconds, CancellationToken cancellationToken = default) => inner.PressButtonAsync(milliseconds, cancellationToken);

        public Task AdvanceAsync(long milliseconds, CancellationToken cancellationToken = default) => inner.AdvanceAsync(milliseconds, cancellationToken);

        public Task InjectFaultAsync(string fault, CancellationToken cancellationToken = default) => inner.InjectFaultAsync(fault, cancellationToken);
    }
}

/// <summary>Passes every call to another link; subclasses change what they need.</summary>
internal class ForwardingLink(IWandLink inner) : IWandLink
{
    public string Address => inner.Address;

    public LinkState State => inner.State;

    public virtual IWorldControl? World => inner.World;

    public event EventHandler<LinkStateChangedEventArgs>? StateChanged
    {
        add => inner.StateChanged += value;
        remove => inner.StateChanged -= value;
    }

    public event EventHandler<CharacteristicNotificationEventArgs>? NotificationReceived
    {
        add => inner.NotificationReceived += value;
        remove => inner.NotificationReceived -= value;
    }

    public virtual Task ConnectAsync(CancellationToken cancellationToken = default) => inner.ConnectAsync(cancellationToken);

    public virtual Task<byte[]> ReadAsync(Guid characteristic, CancellationToken cancellationToken = default) => inner.ReadAsync(characteristic, cancellationToken);

    public virtual Task WriteAsync(Guid characteristic, ReadOnlyMemory<byte> value, WriteKind kind, CancellationToken cancellationToken = default) => inner.WriteAsync(characteristic, value, kind, cancellationToken);

    public Task SubscribeAsync(Guid characteristic, bool enable, CancellationToken cancellationToken = default) => inner.SubscribeAsync(characteristic, enable, cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken = default) => inner.DisconnectAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A virtual wand that presents itself as real hardware: no world controls.</summary>
internal sealed class RealHardwareLink(IWandLink inner) : ForwardingLink(inner)
{
    public override IWorldControl? World => null;
}
