using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Wand.DBus;
using Wand.Host.Links;

namespace Wand.BleBed.Peripheral;

/// <summary>
/// Which central is connected to the peripheral and whether its link is encrypted, from BlueZ's Device1 objects on the
/// adapter: a device that becomes Connected is the central (the wand takes one at a time), Paired means the link is
/// encrypted (BP-4), Connected false is the link going down (SR-11 on the wand's side). The wand hears of each change
/// through linkUp (or <see cref="IWandLink.ConnectAsync"/>) and <see cref="IWandLink.DisconnectAsync"/>.
/// </summary>
internal sealed class CentralLink(DBusConnection bus, ObjectPath adapter, IWandLink wand, Action<bool>? linkUp)
{
    private const string DeviceInterface = "org.bluez.Device1";
    private readonly object sync = new();
    private ObjectPath? central;
    private bool encrypted;

    /// <summary>Gets the connected central's device path, or <c>null</c>.</summary>
    public ObjectPath? Central
    {
        get
        {
            lock (sync)
            {
                return central;
            }
        }
    }

    /// <summary>Follows Device1 changes on the adapter (signals from org.bluez only).</summary>
    /// <returns>Disposing them stops following.</returns>
    public async Task<IDisposable[]> WatchAsync() =>
    [
        await bus.SubscribeAsync(new MatchRule { Sender = "org.bluez", Interface = "org.freedesktop.DBus.Properties", Member = "PropertiesChanged", PathNamespace = adapter }, OnPropertiesChanged).ConfigureAwait(false),
        await bus.SubscribeAsync(new MatchRule { Sender = "org.bluez", Interface = "org.freedesktop.DBus.ObjectManager", Member = "InterfacesAdded" }, OnInterfacesAdded).ConfigureAwait(false),
    ];

    /// <summary>Makes sure the wand knows the central a request comes from (bluetoothd names it in the options).</summary>
    /// <param name="device">The device path from the request's <c>device</c> option, or <c>null</c>.</param>
    /// <returns>A task that completes when the wand knows.</returns>
    public async Task EnsureAsync(ObjectPath? device)
    {
        if (device is null || device == Central)
        {
            return;
        }

        bool paired = false;
        try
        {
            IReadOnlyList<object> reply = await bus.CallMethodAsync("org.bluez", device.Value, "org.freedesktop.DBus.Properties", "Get", "ss", DeviceInterface, "Paired").ConfigureAwait(false);
            paired = reply[0] is Variant { Value: bool value } && value;
        }
        catch (DBusErrorException)
        {
            // A device BlueZ does not list is treated as unpaired.
        }

        Connected(device.Value, paired);
    }

    private void OnInterfacesAdded(DBusMessage signal)
    {
        if (signal.Body.Count < 2 || signal.Body[0] is not ObjectPath path || !path.Value.StartsWith(adapter.Value + "/", StringComparison.Ordinal)
            || signal.Body[1] is not Dictionary<object, object> interfaces || !interfaces.TryGetValue(DeviceInterface, out object? properties))
        {
            return;
        }

        Dictionary<object, object> values = (Dictionary<object, object>)properties;
        if (Flag(values, "Connected") == true)
        {
            Connected(path, Flag(values, "Paired") == true);
        }
    }

    private void OnPropertiesChanged(DBusMessage signal)
    {
        if (signal.Path is not ObjectPath path || signal.Body.Count < 2 || (string)signal.Body[0] != DeviceInterface || signal.Body[1] is not Dictionary<object, object> changed)
        {
            return;
        }

        bool? connected = Flag(changed, "Connected");
        bool? paired = Flag(changed, "Paired");
        if (connected == false)
        {
            Disconnected(path);
        }
        else if (connected == true)
        {
            Connected(path, paired ?? false);
        }
        else if (paired == true && path == Central)
        {
            Connected(path, true);
        }
    }

    private void Connected(ObjectPath device, bool paired)
    {
        lock (sync)
        {
            if (central is not null && central != device)
            {
                return;
            }

            if (central == device && encrypted == paired)
            {
                return;
            }

            central = device;
            encrypted = paired;
            if (linkUp is null)
            {
                wand.ConnectAsync().GetAwaiter().GetResult();
            }
            else
            {
                linkUp(paired);
            }
        }
    }

    private void Disconnected(ObjectPath device)
    {
        lock (sync)
        {
            if (central != device)
            {
                return;
            }

            central = null;
            encrypted = false;
            wand.DisconnectAsync().GetAwaiter().GetResult();
        }
    }

    private static bool? Flag(Dictionary<object, object> values, string name) =>
        values.TryGetValue(name, out object? value) && value is Variant { Value: bool flag } ? flag : null;
}
