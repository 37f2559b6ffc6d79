using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Wand.DBus;
using Wand.Host.Links;

namespace Wand.BleBed.Peripheral;

/// <summary>
/// A virtual wand registered as a peripheral with a BlueZ (HC-7): its GATT application with
/// <c>org.bluez.GattManager1.RegisterApplication</c>, its advertisement with
/// <c>org.bluez.LEAdvertisingManager1.RegisterAdvertisement</c>, and a NoInputNoOutput agent as the default agent that
/// authorises Just Works pairing inside the wand's pairing window (BlueZ 5.66 doc/gatt-api.txt,
/// doc/advertising-api.txt, doc/agent-api.txt). Disposing it unregisters all three.
/// </summary>
public sealed class SystemBlueZPeripheral : IAsyncDisposable
{
    /// <summary>The root of the exported objects.</summary>
    public static readonly ObjectPath Root = new("/org/wandfirmware/peripheral");

    private static readonly ObjectPath AdvertisementPath = new(Root.Value + "/advertisement");
    private static readonly ObjectPath AgentPath = new(Root.Value + "/agent");
    private readonly DBusConnection bus;
    private readonly ObjectPath adapter;
    private readonly List<IDisposable> owned = [];
    private GattApplication? application;

    private SystemBlueZPeripheral(DBusConnection bus, ObjectPath adapter)
    {
        this.bus = bus;
        this.adapter = adapter;
    }

    /// <summary>Exports the wand's objects and registers them with BlueZ on <paramref name="bus"/>.</summary>
    /// <param name="bus">A connection to the bus BlueZ is on (the system bus, or a bed's private one).</param>
    /// <param name="adapterPath">The adapter, for example <c>/org/bluez/hci0</c>.</param>
    /// <param name="wand">The wand answering; the caller owns it.</param>
    /// <param name="localName">The advertised name, 8 ASCII characters at most (PROFILE.md "Advertising").</param>
    /// <param name="pairingWindowOpen">Tells whether the wand's pairing window is open (BP-4).</param>
    /// <param name="linkUp">Called on connection and encryption changes instead of <see cref="IWandLink.ConnectAsync"/>.</param>
    /// <returns>The registered peripheral.</returns>
    /// <exception cref="DBusErrorException">BlueZ refused a registration; the error names which.</exception>
    public static async Task<SystemBlueZPeripheral> RegisterAsync(DBusConnection bus, ObjectPath adapterPath, IWandLink wand, string localName, Func<bool> pairingWindowOpen, Action<bool>? linkUp = null)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(wand);
        SystemBlueZPeripheral peripheral = new(bus, adapterPath);
        try
        {
            CentralLink link = new(bus, adapterPath, wand, linkUp);
            peripheral.owned.AddRange(await link.WatchAsync().ConfigureAwait(false));
            PairingAgent agent = new(pairingWindowOpen);
            peripheral.owned.Add(bus.ExportObject(AgentPath, agent.HandleAsync));
            await bus.CallMethodAsync("org.bluez", new ObjectPath("/org/bluez"), "org.bluez.AgentManager1", "RegisterAgent", "os", AgentPath, PairingAgent.Capability).ConfigureAwait(false);
            await bus.CallMethodAsync("org.bluez", new ObjectPath("/org/bluez"), "org.bluez.AgentManager1", "RequestDefaultAgent", "o", AgentPath).ConfigureAwait(false);
            peripheral.application = new GattApplication(bus, Root, wand, link);
            await bus.CallMethodAsync("org.bluez", adapterPath, "org.bluez.GattManager1", "RegisterApplication", "oa{sv}", Root, new Dictionary<string, Variant>()).ConfigureAwait(false);
            PeripheralAdvertisement advertisement = new(localName);
            peripheral.owned.Add(bus.ExportObject(AdvertisementPath, advertisement.HandleAsync));
            await bus.CallMethodAsync("org.bluez", adapterPath, "org.bluez.LEAdvertisingManager1", "RegisterAdvertisement", "oa{sv}", AdvertisementPath, new Dictionary<string, Variant>()).ConfigureAwait(false);
            return peripheral;
        }
        catch
        {
            await peripheral.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await TryAsync(adapter, "org.bluez.LEAdvertisingManager1", "UnregisterAdvertisement", AdvertisementPath).ConfigureAwait(false);
        await TryAsync(adapter, "org.bluez.GattManager1", "UnregisterApplication", Root).ConfigureAwait(false);
        await TryAsync(new ObjectPath("/org/bluez"), "org.bluez.AgentManager1", "UnregisterAgent", AgentPath).ConfigureAwait(false);
        application?.Dispose();
        foreach (IDisposable item in owned)
        {
            item.Dispose();
        }
    }

    private async Task TryAsync(ObjectPath path, string interfaceName, string member, ObjectPath argument)
    {
        try
        {
            await bus.CallMethodAsync("org.bluez", path, interfaceName, member, "o", argument).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DBusErrorException or DBusConnectionException or DBusTimeoutException)
        {
            // Not registered, or BlueZ or the bus went first: nothing left to undo there.
        }
    }
}
