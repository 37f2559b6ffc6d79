using System;
using Wand.Host.Links.Streams;

namespace Wand.Host.Links;

/// <summary>
/// Creates the <see cref="IWandLink"/> an address names (HC-1). TCP and Unix addresses get a
/// <see cref="FramedStreamLink"/> with world control over the served wand's side channel; <c>sim</c>, <c>serial:</c>
/// and <c>ble:</c> go to the creators given at construction, so the in-process virtual wand, the serial port and the
/// BlueZ link plug in without this class knowing their types.
/// </summary>
public sealed class WandLinkFactory
{
    private readonly Func<DeviceAddress, IWandLink>? simulated;
    private readonly Func<DeviceAddress, IWandLink>? serial;
    private readonly Func<DeviceAddress, IWandLink>? ble;

    /// <summary>Initializes a new instance of the <see cref="WandLinkFactory"/> class.</summary>
    /// <param name="simulated">Creates the in-process virtual wand link for <c>sim</c> addresses, or <c>null</c> when not available.</param>
    /// <param name="serial">Creates a framed link over a serial port for <c>serial:</c> addresses, or <c>null</c> when not available.</param>
    /// <param name="ble">Creates a BlueZ link for <c>ble:</c> addresses, or <c>null</c> when not available.</param>
    /// <param name="options">Timeouts of framed links; <c>null</c> for the defaults.</param>
    public WandLinkFactory(
        Func<DeviceAddress, IWandLink>? simulated = null,
        Func<DeviceAddress, IWandLink>? serial = null,
        Func<DeviceAddress, IWandLink>? ble = null,
        FramedLinkOptions? options = null)
    {
        this.simulated = simulated;
        this.serial = serial;
        this.ble = ble;
        Options = options ?? new FramedLinkOptions();
    }

    /// <summary>Gets the timeouts of framed links.</summary>
    public FramedLinkOptions Options { get; }

    /// <summary>The line rate of the UART factory port, in bits per second (8N1).</summary>
    public const int FactoryPortBaudRate = 115_200;

    /// <summary>
    /// Creates a framed link over a serial port (<c>serial:PORT</c>, the UART factory port; also
    /// <c>serial:tcp://HOST:PORT</c> for a TCP serial bridge) at <see cref="FactoryPortBaudRate"/>.
    /// </summary>
    /// <param name="address">A <c>serial:</c> address.</param>
    /// <param name="options">Timeouts; <c>null</c> for the defaults.</param>
    /// <returns>The unconnected link.</returns>
    public static IWandLink CreateSerialLink(DeviceAddress address, FramedLinkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new FramedStreamLink(
            address.Text,
            _ =>
            {
                try
                {
                    return System.Threading.Tasks.Task.FromResult<System.IO.Stream>(new SerialPortStream(Serial.SerialPortOpener.Open(address.Target, FactoryPortBaudRate)));
                }
                catch (Serial.SerialPortException exception)
                {
                    throw new DeviceUnreachableException($"Cannot open {address.Text}: {exception.Message}", exception);
                }
            },
            world: null,
            options);
    }

    /// <summary>Creates an unconnected link for an address.</summary>
    /// <param name="address">The address text, e.g. <c>tcp://127.0.0.1:4711</c>.</param>
    /// <returns>The link; call <see cref="IWandLink.ConnectAsync"/> next.</returns>
    /// <exception cref="InvalidDeviceAddressException">The address is malformed.</exception>
    /// <exception cref="TransportUnavailableException">The transport is not available in this build.</exception>
    public IWandLink Create(string address) => Create(DeviceAddress.Parse(address));

    /// <summary>Creates an unconnected link for a parsed address.</summary>
    /// <param name="address">The address.</param>
    /// <returns>The link; call <see cref="IWandLink.ConnectAsync"/> next.</returns>
    /// <exception cref="TransportUnavailableException">The transport is not available in this build.</exception>
    public IWandLink Create(DeviceAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Kind switch
        {
            DeviceKind.Tcp or DeviceKind.Unix => new FramedStreamLink(address.Text, OpenerFor(address), CreateWorldControl(address), Options),
            DeviceKind.Simulated => simulated?.Invoke(address)
                ?? throw new TransportUnavailableException($"'{address.Text}': the in-process virtual wand is not available in this build; serve one with 'wand sim serve' and use --device tcp://127.0.0.1:PORT."),
            DeviceKind.Serial => serial?.Invoke(address)
                ?? throw new TransportUnavailableException($"'{address.Text}': the serial factory-port link is not available in this build yet; use a served virtual wand (tcp:// or unix:) or ble:."),
            DeviceKind.Ble => ble?.Invoke(address)
                ?? throw new TransportUnavailableException($"'{address.Text}': the Bluetooth LE link is not available in this build; use sim, tcp:// or unix:."),
            _ => throw new InvalidDeviceAddressException($"'{address.Text}': unsupported transport {address.Kind}."),
        };
    }

    /// <summary>
    /// Creates world control for an address without opening a GATT link: the side channel of a served virtual wand.
    /// </summary>
    /// <param name="address">A <c>tcp://</c> or <c>unix:</c> address of a <c>wand sim serve</c>.</param>
    /// <returns>The world control.</returns>
    /// <exception cref="TransportUnavailableException">The address is not a served virtual wand.</exception>
    public IWorldControl CreateWorldControl(DeviceAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Kind is not (DeviceKind.Tcp or DeviceKind.Unix))
        {
            throw new TransportUnavailableException(
                $"'{address.Text}': world controls drive a served virtual wand; start one with 'wand sim serve' and pass --device tcp://127.0.0.1:PORT or unix:PATH.");
        }

        return new RemoteWorldControl(address.Text, OpenerFor(address), Options.ConnectTimeout + Options.RequestTimeout);
    }

    private static Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<System.IO.Stream>> OpenerFor(DeviceAddress address) =>
        address.Kind == DeviceKind.Tcp ? StreamConnector.Tcp(address.Target, address.Port) : StreamConnector.Unix(address.Target);
}
