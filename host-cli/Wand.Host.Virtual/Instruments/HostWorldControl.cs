using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Host.Serving;

namespace Wand.Host.Instruments.Simulated;

/// <summary>
/// The world of a served virtual wand seen from inside the serving process, with the same checks as its world-control
/// channel: what the simulated instruments of <c>wand sim station</c> change when a station drives them.
/// </summary>
public sealed class HostWorldControl : IWorldControl
{
    private readonly VirtualWandHost host;
    private readonly WorldCommandInterpreter interpreter;

    /// <summary>Initializes a new instance of the <see cref="HostWorldControl"/> class.</summary>
    /// <param name="host">The served wand.</param>
    public HostWorldControl(VirtualWandHost host)
    {
        this.host = host ?? throw new ArgumentNullException(nameof(host));
        interpreter = new WorldCommandInterpreter(host);
    }

    /// <inheritdoc/>
    public Task SetHeadResistorAsync(double? idResistorOhms, CancellationToken cancellationToken = default) =>
        Apply("head", idResistorOhms is double ohms ? Number(ohms) : "none");

    /// <inheritdoc/>
    public Task SetTemperatureAsync(double? degreesCelsius, CancellationToken cancellationToken = default) =>
        Apply("temperature", degreesCelsius is double celsius ? Number(celsius) : "model");

    /// <inheritdoc/>
    public Task SetBatteryAsync(double volts, CancellationToken cancellationToken = default) => Apply("battery", Number(volts));

    /// <inheritdoc/>
    public Task SetUsbPowerAsync(bool plugged, CancellationToken cancellationToken = default) => Apply("usb", plugged ? "on" : "off");

    /// <inheritdoc/>
    public Task PressButtonAsync(int milliseconds, CancellationToken cancellationToken = default) =>
        Apply("button", milliseconds.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    public Task AdvanceAsync(long milliseconds, CancellationToken cancellationToken = default)
    {
        host.Advance(milliseconds);
        return Task.CompletedTask;
    }

    /// <summary>Fits or removes the factory jig strap; the wand reads it at its next boot (SR-15).</summary>
    /// <param name="fitted"><c>true</c> to fit the strap.</param>
    /// <returns>A completed task.</returns>
    public Task SetFactoryStrapAsync(bool fitted) => Apply("strap", fitted ? "on" : "off");

    /// <summary>Switches the wand's supply off, or on again, which boots the wand (<see cref="VirtualWandHost.SetPowered"/>).</summary>
    /// <param name="powered"><c>true</c> for supply on.</param>
    /// <returns>A completed task.</returns>
    public Task SetPoweredAsync(bool powered) => Apply("power", powered ? "on" : "off");

    /// <inheritdoc/>
    public Task InjectFaultAsync(string fault, CancellationToken cancellationToken = default) => Apply("fault", fault);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private Task Apply(string command, string argument)
    {
        string? refusal = interpreter.Apply(command, argument);
        return refusal is null ? Task.CompletedTask : Task.FromException(new WorldControlRefusedException(refusal));
    }
}
