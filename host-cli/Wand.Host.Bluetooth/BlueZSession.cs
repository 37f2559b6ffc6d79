using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.DBus;

namespace Wand.Host.Links.Ble;

/// <summary>
/// One connection to BlueZ on the system bus with a current view of its objects: match rules are added before
/// <c>GetManagedObjects</c> so no change is missed, as bleak does
/// (https://github.com/hbldh/bleak/blob/v0.20.0/bleak/backends/bluezdbus/manager.py). Signals count only when sent by
/// the current owner of <c>org.bluez</c>, followed through <c>NameOwnerChanged</c>; another process on the bus cannot
/// forge a notification or a property change.
/// </summary>
internal sealed class BlueZSession : IAsyncDisposable
{
    public const string Service = "org.bluez";
    public const string AdapterInterface = "org.bluez.Adapter1";
    public const string DeviceInterface = "org.bluez.Device1";
    public const string CharacteristicInterface = "org.bluez.GattCharacteristic1";
    public const string ServiceInterface = "org.bluez.GattService1";
    private const string ObjectManagerInterface = "org.freedesktop.DBus.ObjectManager";
    private const string PropertiesInterface = "org.freedesktop.DBus.Properties";

    private readonly List<IDisposable> subscriptions = [];
    private BusNameOwner? owner;

    private BlueZSession(DBusConnection connection) => Connection = connection;

    /// <summary>Gets the bus connection.</summary>
    public DBusConnection Connection { get; }

    /// <summary>Gets a token cancelled when <c>org.bluez</c> changes owner (bluetoothd restarted or left the bus).</summary>
    public CancellationToken BlueZRestarted { get; private set; } = new(true);

    /// <summary>Gets BlueZ's objects as last seen.</summary>
    public BlueZObjectTree Objects { get; } = new();

    /// <summary>Connects to the bus and loads BlueZ's objects.</summary>
    /// <param name="busAddress">The bus address, or <c>null</c> for the system bus.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The session.</returns>
    /// <exception cref="BluetoothUnavailableException">No bus, or no BlueZ on it.</exception>
    public static async Task<BlueZSession> OpenAsync(string? busAddress, CancellationToken cancellationToken)
    {
        DBusConnection connection;
        string where = busAddress ?? Environment.GetEnvironmentVariable(DBusAddress.SystemBusVariable) ?? DBusAddress.DefaultSystemBus;
        try
        {
            connection = await DBusConnection.ConnectAsync(DBusAddress.Parse(where), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DBusException or FormatException)
        {
            throw new BluetoothUnavailableException($"Cannot reach the system D-Bus at '{where}': {exception.Message}", exception);
        }

        BlueZSession session = new(connection);
        try
        {
            await session.LoadAsync(cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Picks the adapter: the named one, else the first powered one.</summary>
    /// <param name="name">For example <c>hci0</c>, or <c>null</c>.</param>
    /// <returns>The adapter's object path.</returns>
    /// <exception cref="BluetoothAdapterNotFoundException">No such adapter, or none powered.</exception>
    public ObjectPath SelectAdapter(string? name)
    {
        IReadOnlyList<(ObjectPath Path, IReadOnlyDictionary<string, object> Properties)> adapters = Objects.WithInterface(AdapterInterface);
        string known = adapters.Count == 0 ? "none" : string.Join(", ", adapters.Select(adapter => adapter.Path.Value[(adapter.Path.Value.LastIndexOf('/') + 1)..]));
        if (name is not null)
        {
            foreach ((ObjectPath path, IReadOnlyDictionary<string, object> properties) in adapters)
            {
                if (path.Value.EndsWith("/" + name, StringComparison.Ordinal))
                {
                    return properties.GetValueOrDefault("Powered") is true
                        ? path
                        : throw new BluetoothAdapterNotFoundException($"Bluetooth adapter {name} is powered off; switch it on with 'bluetoothctl power on'.");
                }
            }

            throw new BluetoothAdapterNotFoundException($"There is no Bluetooth adapter named {name}; adapters present: {known}.");
        }

        foreach ((ObjectPath path, IReadOnlyDictionary<string, object> properties) in adapters)
        {
            if (properties.GetValueOrDefault("Powered") is true)
            {
                return path;
            }
        }

        throw new BluetoothAdapterNotFoundException(adapters.Count == 0
            ? "No Bluetooth adapter is present."
            : $"No Bluetooth adapter is powered on (adapters present: {known}); switch one on with 'bluetoothctl power on'.");
    }

    /// <summary>Calls a BlueZ method.</summary>
    /// <param name="path">The object.</param>
    /// <param name="interfaceName">The interface.</param>
    /// <param name="member">The method.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <param name="signature">The arguments' signature.</param>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The reply values.</returns>
    public async Task<IReadOnlyList<object>> CallAsync(ObjectPath path, string interfaceName, string member, TimeSpan timeout, CancellationToken cancellationToken, string signature = "", params object[] arguments)
    {
        DBusMessage reply = await Connection.CallAsync(DBusMessage.MethodCall(Service, path, interfaceName, member, signature, arguments), timeout, cancellationToken).ConfigureAwait(false);
        return reply.Body;
    }

    /// <summary>Sets a BlueZ property.</summary>
    /// <param name="path">The object.</param>
    /// <param name="interfaceName">The interface.</param>
    /// <param name="property">The property.</param>
    /// <param name="value">The new value.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>A task that completes when set.</returns>
    public Task SetPropertyAsync(ObjectPath path, string interfaceName, string property, Variant value, TimeSpan timeout, CancellationToken cancellationToken) =>
        CallAsync(path, PropertiesInterface, "Set", timeout, cancellationToken, "ssv", interfaceName, property, value);

    /// <summary>Waits until a condition on the object tree holds, re-checking after every change.</summary>
    /// <param name="condition">The condition; <c>true</c> ends the wait.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns><c>true</c> when the condition held, <c>false</c> on timeout.</returns>
    public async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        SemaphoreSlim changed = new(0);
        void OnChanged(ObjectPath path, string interfaceName, IReadOnlyDictionary<string, object> values) => changed.Release();
        Objects.Changed += OnChanged;
        try
        {
            using CancellationTokenSource timer = new(timeout);
            using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken, Connection.Closed);
            while (!condition())
            {
                try
                {
                    await changed.WaitAsync(linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return condition();
                }
            }

            return true;
        }
        finally
        {
            Objects.Changed -= OnChanged;
            changed.Dispose();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (IDisposable subscription in subscriptions)
        {
            subscription.Dispose();
        }

        owner?.Dispose();

        await Connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        owner = await Connection.WatchNameOwnerAsync(Service).ConfigureAwait(false);
        MatchRule[] rules =
        [
            // No arg0path here: Tmds.DBus.Protocol 0.95.2 matches arg0path only when the first argument is a string, and
            // InterfacesAdded's is an object path; BlueZObjectTree keeps only paths under /org/bluez instead.
            new() { Sender = Service, Interface = ObjectManagerInterface, Member = "InterfacesAdded" },
            new() { Sender = Service, Interface = ObjectManagerInterface, Member = "InterfacesRemoved" },
            new() { Sender = Service, Interface = PropertiesInterface, Member = "PropertiesChanged", PathNamespace = new ObjectPath("/org/bluez") },
        ];
        foreach (MatchRule rule in rules)
        {
            subscriptions.Add(await Connection.SubscribeAsync(rule, Objects.Apply, cancellationToken).ConfigureAwait(false));
        }

        IReadOnlyList<object> reply;
        try
        {
            reply = await CallAsync(new ObjectPath("/"), ObjectManagerInterface, "GetManagedObjects", TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }
        catch (DBusErrorException exception) when (exception.ErrorName is "org.freedesktop.DBus.Error.ServiceUnknown" or "org.freedesktop.DBus.Error.NameHasNoOwner")
        {
            throw new BluetoothUnavailableException("BlueZ (org.bluez) is not on the system bus: start bluetoothd ('systemctl start bluetooth').", exception);
        }
        catch (DBusException exception)
        {
            throw new BluetoothUnavailableException("BlueZ did not list its objects: " + exception.Message, exception);
        }

        Objects.Load(reply[0]);
        BlueZRestarted = await owner.OwnerChangedAsync(cancellationToken).ConfigureAwait(false);
    }
}
