using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Wand.DBus;
using Wand.Host.Links;
using Wand.Protocol.Profile;

namespace Wand.BleBed.Peripheral;

/// <summary>
/// The wand's GATT application objects, exported on the bus and answered by a wand behind an <see cref="IWandLink"/>:
/// ObjectManager.GetManagedObjects on the root, Properties on every object, ReadValue, WriteValue, StartNotify and
/// StopNotify on characteristics (BlueZ 5.66 doc/gatt-api.txt), ReadValue on presentation descriptors. A refusal is the
/// D-Bus error BlueZ turns back into the wand's ATT code (<see cref="ApplicationErrors"/>); a notification is a
/// PropertiesChanged of Value while bluetoothd has notifications started.
/// </summary>
internal sealed class GattApplication : IDisposable
{
    private const string ObjectManagerInterface = "org.freedesktop.DBus.ObjectManager";
    private readonly DBusConnection bus;
    private readonly IWandLink wand;
    private readonly CentralLink link;
    private readonly List<ApplicationObject> objects;
    private readonly List<IDisposable> exports = [];

    public GattApplication(DBusConnection bus, ObjectPath root, IWandLink wand, CentralLink link)
    {
        this.bus = bus;
        this.wand = wand;
        this.link = link;
        Root = root;
        objects = GattApplicationTree.Build(root);
        exports.Add(bus.ExportObject(root, HandleRootAsync));
        foreach (ApplicationObject item in objects)
        {
            exports.Add(bus.ExportObject(item.Path, call => HandleAsync(item, call)));
        }

        wand.NotificationReceived += OnNotification;
    }

    /// <summary>Gets the application's root path, registered with GattManager1.</summary>
    public ObjectPath Root { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        wand.NotificationReceived -= OnNotification;
        foreach (IDisposable export in exports)
        {
            export.Dispose();
        }
    }

    private Task<DBusMessage> HandleRootAsync(DBusMessage call)
    {
        if (call.Interface != ObjectManagerInterface || call.Member != "GetManagedObjects")
        {
            return Task.FromResult(DBusReplies.Error(call, "org.freedesktop.DBus.Error.UnknownMethod", $"{call.Interface}.{call.Member}"));
        }

        Dictionary<ObjectPath, Dictionary<string, Dictionary<string, Variant>>> managed = [];
        foreach (ApplicationObject item in objects)
        {
            managed[item.Path] = new Dictionary<string, Dictionary<string, Variant>> { [item.Properties.Interface] = item.Properties.Values };
        }

        return Task.FromResult(DBusReplies.Return(call, "a{oa{sa{sv}}}", managed));
    }

    private async Task<DBusMessage> HandleAsync(ApplicationObject item, DBusMessage call)
    {
        if (item.Properties.Answer(call) is DBusMessage properties)
        {
            return properties;
        }

        if (call.Interface != item.Properties.Interface || item.Characteristic is null)
        {
            return DBusReplies.Error(call, "org.freedesktop.DBus.Error.UnknownMethod", $"{call.Interface}.{call.Member}");
        }

        Dictionary<object, object> options = call.Body.Count > 0 && call.Body[^1] is Dictionary<object, object> given ? given : [];
        await link.EnsureAsync(Option<ObjectPath?>(options, "device", null)).ConfigureAwait(false);
        try
        {
            return call.Member switch
            {
                "ReadValue" when !item.IsCharacteristic => ReadDescriptor(item, call, options),
                "ReadValue" => await ReadAsync(item, call, options).ConfigureAwait(false),
                "WriteValue" when item.IsCharacteristic => await WriteAsync(item, call, options).ConfigureAwait(false),
                "StartNotify" or "StopNotify" when item.IsCharacteristic => await NotifyAsync(item, call, call.Member == "StartNotify").ConfigureAwait(false),
                _ => DBusReplies.Error(call, "org.bluez.Error.NotSupported", $"{call.Member} is not supported here"),
            };
        }
        catch (AttErrorException error)
        {
            return ApplicationErrors.Reply(call, error.ErrorCode);
        }
    }

    private async Task<DBusMessage> ReadAsync(ApplicationObject item, DBusMessage call, Dictionary<object, object> options)
    {
        byte[] value = await wand.ReadAsync(item.CharacteristicUuid).ConfigureAwait(false);
        return Slice(call, value, Option<ushort>(options, "offset", 0));
    }

    private static DBusMessage ReadDescriptor(ApplicationObject item, DBusMessage call, Dictionary<object, object> options)
    {
        byte[] value = new byte[PresentationFormat.EncodedLength];
        item.Characteristic!.PresentationFormat.Encode(value, 0);
        return Slice(call, value, Option<ushort>(options, "offset", 0));
    }

    private static DBusMessage Slice(DBusMessage call, byte[] value, int offset) =>
        offset > value.Length ? ApplicationErrors.Reply(call, (byte)AttError.InvalidOffset) : DBusReplies.Return(call, "ay", value[offset..]);

    private async Task<DBusMessage> WriteAsync(ApplicationObject item, DBusMessage call, Dictionary<object, object> options)
    {
        byte[] value = (byte[])call.Body[0];
        int offset = Option<ushort>(options, "offset", 0);
        WriteKind kind = Option(options, "type", "request") == "command" ? WriteKind.WithoutResponse : WriteKind.WithResponse;
        if (wand is IOffsetWrites offsets)
        {
            await offsets.WriteAsync(item.CharacteristicUuid, value, offset, kind).ConfigureAwait(false);
        }
        else if (offset != 0)
        {
            return ApplicationErrors.Reply(call, (byte)AttError.InvalidOffset);
        }
        else
        {
            await wand.WriteAsync(item.CharacteristicUuid, value, kind).ConfigureAwait(false);
        }

        return DBusReplies.Return(call);
    }

    private async Task<DBusMessage> NotifyAsync(ApplicationObject item, DBusMessage call, bool enable)
    {
        await wand.SubscribeAsync(item.CharacteristicUuid, enable).ConfigureAwait(false);
        if (item.Notifying != enable)
        {
            item.Notifying = enable;
            item.Properties.Values["Notifying"] = Variant.FromBoolean(enable);
            Changed(item, "Notifying", Variant.FromBoolean(enable));
        }

        return DBusReplies.Return(call);
    }

    private void OnNotification(object? sender, CharacteristicNotificationEventArgs notification)
    {
        ApplicationObject? item = objects.FirstOrDefault(candidate => candidate.IsCharacteristic && candidate.CharacteristicUuid == notification.Characteristic);
        if (item is { Notifying: true })
        {
            byte[] value = notification.Value.ToArray();
            item.Properties.Values["Value"] = Variant.FromBytes(value);
            Changed(item, "Value", Variant.FromBytes(value));
        }
    }

    private void Changed(ApplicationObject item, string name, Variant value)
    {
        try
        {
            bus.EmitSignal(item.Path, "org.freedesktop.DBus.Properties", "PropertiesChanged", "sa{sv}as", item.Properties.Interface, new Dictionary<string, Variant> { [name] = value }, Array.Empty<string>());
        }
        catch (DBusConnectionException)
        {
            // The peripheral is shutting down.
        }
    }

    private static T Option<T>(Dictionary<object, object> options, string name, T fallback) =>
        options.TryGetValue(name, out object? value) && value is Variant { Value: T typed } ? typed : fallback;
}
