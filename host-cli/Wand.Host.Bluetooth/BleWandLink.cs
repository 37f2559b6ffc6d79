using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Wand.DBus;

namespace Wand.Host.Links.Ble;

/// <summary>
/// A wand reached over BLE through BlueZ on Linux (<c>ble:AA:BB:CC:DD:EE:FF</c>). Connecting selects the adapter,
/// discovers the wand with a filter on the Wand service if BlueZ does not know it, connects, waits for
/// <c>ServicesResolved</c>, pairs (Just Works, through its own agent) if needed and maps characteristics by UUID.
/// Notifications arrive as <c>PropertiesChanged</c> of <c>Value</c> on subscribed characteristics. When the wand drops
/// the link, <see cref="State"/> becomes <see cref="LinkState.Lost"/>; <see cref="ConnectAsync"/> reconnects and
/// restores the subscriptions.
/// </summary>
public sealed class BleWandLink : IWandLink
{
    private readonly BleDeviceAddress device;
    private readonly BleLinkOptions options;
    private readonly ConcurrentDictionary<Guid, ObjectPath> characteristics = new();
    private readonly ConcurrentDictionary<ObjectPath, Guid> subscribed = new();
    private readonly SemaphoreSlim connectGate = new(1, 1);
    private BlueZSession? session;
    private BlueZAgent? agent;
    private ObjectPath devicePath;
    private int state = (int)LinkState.Disconnected;
    private bool closing;

    /// <summary>Initializes a new instance of the <see cref="BleWandLink"/> class.</summary>
    /// <param name="address">The device address, <c>ble:AA:BB:CC:DD:EE:FF</c>.</param>
    /// <param name="options">Adapter, bus and timeouts; <c>null</c> for the defaults.</param>
    /// <exception cref="InvalidDeviceAddressException">The address is malformed.</exception>
    public BleWandLink(string address, BleLinkOptions? options = null)
    {
        device = BleDeviceAddress.Parse(address);
        this.options = options ?? new BleLinkOptions();
    }

    /// <inheritdoc/>
    public event EventHandler<LinkStateChangedEventArgs>? StateChanged;

    /// <inheritdoc/>
    public event EventHandler<CharacteristicNotificationEventArgs>? NotificationReceived;

    /// <inheritdoc/>
    public string Address => device.ToString();

    /// <inheritdoc/>
    public LinkState State => (LinkState)Volatile.Read(ref state);

    /// <inheritdoc/>
    public IWorldControl? World => null;

    /// <summary>Gets the characteristics found on the wand, by UUID (empty before connecting).</summary>
    public IReadOnlyCollection<Guid> Characteristics => (IReadOnlyCollection<Guid>)characteristics.Keys;

    /// <inheritdoc/>
    /// <exception cref="DeviceUnreachableException">Not reached; the inner exception is a
    /// <see cref="BluetoothUnavailableException"/>, <see cref="BluetoothAdapterNotFoundException"/>,
    /// <see cref="WandNotFoundException"/>, <see cref="PairingRefusedException"/> or a BlueZ error.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        await connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (State == LinkState.Connected)
            {
                return;
            }

            closing = false;
            SetState(LinkState.Connecting, string.Empty);
            try
            {
                await OpenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WandHostException or DBusException)
            {
                SetState(LinkState.Disconnected, exception.Message);
                string reason = exception is DBusException ? $"BlueZ refused the connection: {exception.Message}" : exception.Message;
                throw new DeviceUnreachableException($"Could not reach {Address}: {reason}", exception);
            }
            catch (OperationCanceledException)
            {
                SetState(LinkState.Disconnected, "Connecting was cancelled.");
                throw;
            }

            SetState(LinkState.Connected, string.Empty);
        }
        finally
        {
            connectGate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<byte[]> ReadAsync(Guid characteristic, CancellationToken cancellationToken = default)
    {
        ObjectPath path = RequireCharacteristic(characteristic);
        IReadOnlyList<object> reply = await RequestAsync(characteristic, "read", path, "ReadValue", "a{sv}", [new Dictionary<string, Variant>()], cancellationToken).ConfigureAwait(false);
        return reply.Count == 1 && reply[0] is byte[] value ? value : throw new ProtocolViolationException($"BlueZ answered the read of {characteristic} with something other than bytes.");
    }

    /// <inheritdoc/>
    public async Task WriteAsync(Guid characteristic, ReadOnlyMemory<byte> value, WriteKind kind, CancellationToken cancellationToken = default)
    {
        ObjectPath path = RequireCharacteristic(characteristic);
        Dictionary<string, Variant> writeOptions = new() { ["type"] = Variant.FromString(kind == WriteKind.WithResponse ? "request" : "command") };
        await RequestAsync(characteristic, "write", path, "WriteValue", "aya{sv}", [value.ToArray(), writeOptions], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task SubscribeAsync(Guid characteristic, bool enable, CancellationToken cancellationToken = default)
    {
        ObjectPath path = RequireCharacteristic(characteristic);
        if (enable)
        {
            subscribed[path] = characteristic;
            await RequestAsync(characteristic, "subscription", path, "StartNotify", string.Empty, [], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            subscribed.TryRemove(path, out _);
            await RequestAsync(characteristic, "unsubscription", path, "StopNotify", string.Empty, [], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        closing = true;
        if (session is not null && State == LinkState.Connected)
        {
            try
            {
                await session.CallAsync(devicePath, BlueZSession.DeviceInterface, "Disconnect", options.RequestTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (DBusException)
            {
                // Already gone; closing is what was asked for.
            }
        }

        await CloseSessionAsync().ConfigureAwait(false);
        SetState(LinkState.Disconnected, string.Empty);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync().ConfigureAwait(false);
        connectGate.Dispose();
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (session is null || session.Connection.Closed.IsCancellationRequested || session.BlueZRestarted.IsCancellationRequested)
        {
            await CloseSessionAsync().ConfigureAwait(false);
            session = await BlueZSession.OpenAsync(options.BusAddress, cancellationToken).ConfigureAwait(false);
            session.Objects.Changed += OnObjectChanged;
            session.Connection.Closed.Register(() => ReportLost("The connection to BlueZ on the system bus closed (bluetoothd or D-Bus restarted)."));
            session.BlueZRestarted.Register(() => ReportLost("BlueZ (org.bluez) restarted or left the system bus."));
        }

        ObjectPath adapter = session.SelectAdapter(options.Adapter);
        devicePath = new ObjectPath(adapter.Value + "/" + device.ObjectName);
        if (session.Objects.Get(devicePath, BlueZSession.DeviceInterface, "Address") is null)
        {
            await DiscoverAsync(session, adapter, cancellationToken).ConfigureAwait(false);
        }

        if (options.Pair && agent is null)
        {
            agent = await BlueZAgent.RegisterAsync(session, devicePath, options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }

        await ConnectDeviceAsync(session, cancellationToken).ConfigureAwait(false);
        if (options.Pair && session.Objects.Get(devicePath, BlueZSession.DeviceInterface, "Paired") is not true)
        {
            await PairAsync(session, cancellationToken).ConfigureAwait(false);
        }

        MapCharacteristics(session);
        foreach ((ObjectPath path, Guid uuid) in subscribed)
        {
            subscribed.TryRemove(path, out _);
            if (characteristics.TryGetValue(uuid, out ObjectPath newPath))
            {
                subscribed[newPath] = uuid;
                await session.CallAsync(newPath, BlueZSession.CharacteristicInterface, "StartNotify", options.RequestTimeout, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DiscoverAsync(BlueZSession bluez, ObjectPath adapter, CancellationToken cancellationToken)
    {
        Dictionary<string, Variant> filter = new()
        {
            ["UUIDs"] = Variant.FromStrings([WandGattUuids.WandService.ToString()]),
            ["Transport"] = Variant.FromString("le"),
            ["DuplicateData"] = Variant.FromBoolean(false),
        };
        await bluez.CallAsync(adapter, BlueZSession.AdapterInterface, "SetDiscoveryFilter", options.RequestTimeout, cancellationToken, "a{sv}", filter).ConfigureAwait(false);
        await bluez.CallAsync(adapter, BlueZSession.AdapterInterface, "StartDiscovery", options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        bool found;
        try
        {
            found = await bluez.WaitForAsync(() => bluez.Objects.Get(devicePath, BlueZSession.DeviceInterface, "Address") is not null, options.DiscoveryTimeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await StopDiscoveryAsync(bluez, adapter).ConfigureAwait(false);
        }

        if (!found)
        {
            throw new WandNotFoundException($"No wand with address {device.BluetoothAddress} was seen on {adapter} within {options.DiscoveryTimeout.TotalSeconds:0} s. Is it switched on and in range?");
        }
    }

    private async Task StopDiscoveryAsync(BlueZSession bluez, ObjectPath adapter)
    {
        try
        {
            await bluez.CallAsync(adapter, BlueZSession.AdapterInterface, "StopDiscovery", options.RequestTimeout, CancellationToken.None).ConfigureAwait(false);
            await bluez.CallAsync(adapter, BlueZSession.AdapterInterface, "SetDiscoveryFilter", options.RequestTimeout, CancellationToken.None, "a{sv}", new Dictionary<string, Variant>()).ConfigureAwait(false);
        }
        catch (DBusException)
        {
            // Discovery stops anyway when this client leaves the bus.
        }
    }

    private async Task ConnectDeviceAsync(BlueZSession bluez, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                await bluez.CallAsync(devicePath, BlueZSession.DeviceInterface, "Connect", options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (DBusErrorException error) when (error.ErrorName == "org.bluez.Error.AlreadyConnected")
            {
                break;
            }
            catch (DBusErrorException error) when (error.ErrorMessage.Contains("le-connection-abort-by-local", StringComparison.Ordinal) && attempt < options.ConnectRetries)
            {
                // BlueZ reports this transient failure often; bleak retries it too (https://github.com/hbldh/bleak/blob/v0.20.0/bleak/backends/bluezdbus/client.py).
            }
        }

        bool resolved = await bluez.WaitForAsync(
            () => bluez.Objects.Get(devicePath, BlueZSession.DeviceInterface, "ServicesResolved") is true
                || bluez.Objects.Get(devicePath, BlueZSession.DeviceInterface, "Connected") is false,
            options.ConnectTimeout,
            cancellationToken).ConfigureAwait(false);
        if (!resolved || bluez.Objects.Get(devicePath, BlueZSession.DeviceInterface, "ServicesResolved") is not true)
        {
            throw new BlueZOperationException($"{Address} connected but its services were not resolved within {options.ConnectTimeout.TotalSeconds:0} s.");
        }
    }

    private async Task PairAsync(BlueZSession bluez, CancellationToken cancellationToken)
    {
        try
        {
            await bluez.CallAsync(devicePath, BlueZSession.DeviceInterface, "Pair", options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (DBusErrorException error) when (error.ErrorName == "org.bluez.Error.AlreadyExists")
        {
            // Paired meanwhile.
        }
        catch (DBusErrorException error) when (error.ErrorName.StartsWith("org.bluez.Error.Authentication", StringComparison.Ordinal) || error.ErrorName == "org.bluez.Error.ConnectionAttemptFailed")
        {
            try
            {
                await bluez.CallAsync(devicePath, BlueZSession.DeviceInterface, "Disconnect", options.RequestTimeout, CancellationToken.None).ConfigureAwait(false);
            }
            catch (DBusException)
            {
                // Leaving it connected is harmless; BlueZ times idle links out.
            }

            throw new PairingRefusedException($"{Address} refused pairing ({error.ErrorName}). Open its pairing window with a long button press, then connect within 60 s.", error);
        }

        await bluez.SetPropertyAsync(devicePath, BlueZSession.DeviceInterface, "Trusted", Variant.FromBoolean(true), options.RequestTimeout, cancellationToken).ConfigureAwait(false);
    }

    private void MapCharacteristics(BlueZSession bluez)
    {
        characteristics.Clear();
        string prefix = devicePath.Value + "/";
        foreach ((ObjectPath path, IReadOnlyDictionary<string, object> properties) in bluez.Objects.WithInterface(BlueZSession.CharacteristicInterface))
        {
            if (path.Value.StartsWith(prefix, StringComparison.Ordinal) && properties.GetValueOrDefault("UUID") is string text && Guid.TryParse(text, out Guid uuid))
            {
                characteristics.TryAdd(uuid, path);
            }
        }

        if (!characteristics.ContainsKey(WandGattUuids.ControlPoint) || !characteristics.ContainsKey(WandGattUuids.Status))
        {
            throw new ProtocolViolationException($"{Address} does not offer the Wand service's characteristics; is it a wand?");
        }
    }

    private ObjectPath RequireCharacteristic(Guid characteristic)
    {
        if (State != LinkState.Connected)
        {
            throw State == LinkState.Lost
                ? new LinkLostException($"The link to {Address} was lost; reconnect first.")
                : new InvalidOperationException($"The link to {Address} is {State}; connect first.");
        }

        return characteristics.TryGetValue(characteristic, out ObjectPath path)
            ? path
            : throw new ProtocolViolationException($"{Address} has no characteristic {characteristic}.");
    }

    private async Task<IReadOnlyList<object>> RequestAsync(Guid characteristic, string operation, ObjectPath path, string member, string signature, object[] arguments, CancellationToken cancellationToken)
    {
        BlueZSession bluez = session ?? throw new InvalidOperationException($"The link to {Address} is not open.");
        try
        {
            return await bluez.CallAsync(path, BlueZSession.CharacteristicInterface, member, options.RequestTimeout, cancellationToken, signature, arguments).ConfigureAwait(false);
        }
        catch (DBusException exception)
        {
            throw BlueZErrorMapping.ForRequest(exception, characteristic, operation);
        }
    }

    private void OnObjectChanged(ObjectPath path, string interfaceName, IReadOnlyDictionary<string, object> changed)
    {
        if (interfaceName == BlueZSession.CharacteristicInterface && changed.TryGetValue("Value", out object? value) && value is byte[] bytes && subscribed.TryGetValue(path, out Guid uuid))
        {
            NotificationReceived?.Invoke(this, new CharacteristicNotificationEventArgs(uuid, bytes));
        }
        else if (path == devicePath && interfaceName == BlueZSession.DeviceInterface && changed.Count == 0
            && session?.Objects.Get(path, BlueZSession.DeviceInterface, "Address") is null)
        {
            ReportLost($"BlueZ removed {Address} (it was unpaired or forgotten).");
        }
        else if (path == devicePath && interfaceName == BlueZSession.DeviceInterface && changed.TryGetValue("Connected", out object? connected) && connected is false)
        {
            ReportLost($"{Address} dropped the link (out of range, switched off or its battery ran out).");
        }
    }

    private void ReportLost(string reason)
    {
        if (State == LinkState.Connected && !closing)
        {
            SetState(LinkState.Lost, reason);
        }
    }

    private async Task CloseSessionAsync()
    {
        if (agent is not null)
        {
            await agent.DisposeAsync().ConfigureAwait(false);
            agent = null;
        }

        if (session is not null)
        {
            session.Objects.Changed -= OnObjectChanged;
            await session.DisposeAsync().ConfigureAwait(false);
            session = null;
        }
    }

    private void SetState(LinkState newState, string reason)
    {
        if (Interlocked.Exchange(ref state, (int)newState) != (int)newState)
        {
            StateChanged?.Invoke(this, new LinkStateChangedEventArgs(newState, reason));
        }
    }
}
