using System;
using System.Threading.Tasks;
using Wand.BleBed.Peripheral;
using Wand.DBus;
using Wand.Host.Links;

namespace Wand.BleBed;

/// <summary>
/// The test bed's wand backend (interface org.wandfirmware.TestBed.Backend, see testbed/wand_bluez.py): the
/// mocked BlueZ forwards each GATT ReadValue, WriteValue and StartNotify/StopNotify here, and this forwards it to a
/// wand behind an <see cref="IWandLink"/>; the wand's notifications go back through TestBed.Notify. A pairing request
/// is answered by the wand's pairing window. A dropped or closed
/// BLE link reaches the wand as <see cref="IWandLink.DisconnectAsync"/>; a connection, or pairing that encrypts it,
/// as the linkUp callback (or <see cref="IWandLink.ConnectAsync"/>).
/// </summary>
public sealed class GattBridge : IDisposable
{
    private const string BackendInterface = "org.wandfirmware.TestBed.Backend";
    private readonly DBusConnection connection;
    private readonly string bluetoothAddress;
    private readonly IWandLink wand;
    private readonly IDisposable export;
    private readonly Func<bool, Task>? linkUp;
    private readonly Func<bool> pairingWindowOpen;

    /// <summary>Initializes a new instance of the <see cref="GattBridge"/> class and exports the backend object.</summary>
    /// <param name="connection">The bed's bus connection.</param>
    /// <param name="path">The backend object's path.</param>
    /// <param name="bluetoothAddress">The wand's Bluetooth address.</param>
    /// <param name="wand">The wand answering.</param>
    /// <param name="pairingWindowOpen">Tells whether the wand accepts a new pairing now (its pairing window, BP-4).</param>
    /// <param name="linkUp">Called on connection and encryption changes; <c>null</c> to connect <paramref name="wand"/> instead.</param>
    public GattBridge(DBusConnection connection, ObjectPath path, string bluetoothAddress, IWandLink wand, Func<bool> pairingWindowOpen, Func<bool, Task>? linkUp = null)
    {
        ArgumentNullException.ThrowIfNull(pairingWindowOpen);
        this.linkUp = linkUp;
        this.pairingWindowOpen = pairingWindowOpen;
        this.connection = connection;
        this.bluetoothAddress = bluetoothAddress;
        this.wand = wand;
        Path = path;
        export = connection.ExportObject(path, HandleAsync);
        wand.NotificationReceived += OnNotification;
    }

    /// <summary>Gets the backend object's path.</summary>
    public ObjectPath Path { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        wand.NotificationReceived -= OnNotification;
        export.Dispose();
    }

    private async Task<DBusMessage> HandleAsync(DBusMessage call)
    {
        if (call.Interface != BackendInterface)
        {
            return DBusReplies.Error(call, "org.freedesktop.DBus.Error.UnknownInterface", call.Interface ?? string.Empty);
        }

        if (call.Member == "LinkUp")
        {
            if (linkUp is null)
            {
                await wand.ConnectAsync();
            }
            else
            {
                await linkUp((bool)call.Body[0]);
            }

            return DBusReplies.Return(call);
        }

        if (call.Member == "Pair")
        {
            // The wand's side of Just Works pairing: accepted only inside its pairing window (BP-4).
            return DBusReplies.Return(call, "b", pairingWindowOpen());
        }

        if (call.Member == "LinkDown")
        {
            await wand.DisconnectAsync();
            return DBusReplies.Return(call);
        }

        Guid characteristic = Guid.Parse((string)call.Body[0]);
        try
        {
            switch (call.Member)
            {
                case "Read":
                    return DBusReplies.Return(call, "yay", (byte)0, await wand.ReadAsync(characteristic));
                case "Write":
                    return DBusReplies.Return(call, "y", await WriteAsync(characteristic, (byte[])call.Body[1], (ushort)call.Body[2], (bool)call.Body[3] ? WriteKind.WithResponse : WriteKind.WithoutResponse));
                case "Subscribe":
                    await wand.SubscribeAsync(characteristic, (bool)call.Body[1]);
                    return DBusReplies.Return(call, "y", (byte)0);
                default:
                    return DBusReplies.Error(call, "org.freedesktop.DBus.Error.UnknownMethod", call.Member ?? string.Empty);
            }
        }
        catch (AttErrorException error)
        {
            return call.Member == "Read"
                ? DBusReplies.Return(call, "yay", error.ErrorCode, Array.Empty<byte>())
                : DBusReplies.Return(call, "y", error.ErrorCode);
        }
    }

    /// <summary>Writes at the request's offset: a wand that takes offsets (<see cref="IOffsetWrites"/>) gets it, as its
    /// GATT server would; another wand takes whole values only, so an offset other than 0 is answered 0x07 here.</summary>
    private async Task<byte> WriteAsync(Guid characteristic, byte[] value, int offset, WriteKind kind)
    {
        if (wand is IOffsetWrites offsets)
        {
            await offsets.WriteAsync(characteristic, value, offset, kind);
        }
        else if (offset != 0)
        {
            return (byte)Wand.Protocol.Profile.AttError.InvalidOffset;
        }
        else
        {
            await wand.WriteAsync(characteristic, value, kind);
        }

        return 0;
    }

    private void OnNotification(object? sender, CharacteristicNotificationEventArgs notification)
    {
        // Sent without waiting: the mock may be blocked in the call that caused this notification.
        DBusMessage notify = DBusMessage.MethodCall("org.bluez", new ObjectPath("/"), "org.wandfirmware.TestBed", "Notify", "ssay",
            bluetoothAddress, notification.Characteristic.ToString(), notification.Value.ToArray());
        try
        {
            connection.Send(notify);
        }
        catch (DBusConnectionException)
        {
            // The bed is shutting down.
        }
    }
}
