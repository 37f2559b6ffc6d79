using System.Collections.Generic;
using System.Threading.Tasks;
using Wand.DBus;
using Wand.Protocol.Profile;

namespace Wand.BleBed.Peripheral;

/// <summary>
/// The wand's advertisement as an org.bluez.LEAdvertisement1 object (BlueZ 5.66 doc/advertising-api.txt): connectable
/// ("peripheral"), the Wand service UUID and the local name, as PROFILE.md "Advertising" lists them; BlueZ adds the
/// Flags AD structure itself. No service data: version 1.0 sends none.
/// </summary>
internal sealed class PeripheralAdvertisement(string localName)
{
    /// <summary>The advertisement interface.</summary>
    public const string Interface = "org.bluez.LEAdvertisement1";

    private readonly PropertySet properties = new(Interface, new Dictionary<string, Variant>
    {
        ["Type"] = Variant.FromString("peripheral"),
        ["ServiceUUIDs"] = Variant.FromStrings([WandProfile.Service(WandProfile.WandServiceIndex).Uuid.Text]),
        ["LocalName"] = Variant.FromString(localName),
        ["Discoverable"] = Variant.FromBoolean(true),
    });

    /// <summary>Answers Properties and Release calls.</summary>
    /// <param name="call">The call from bluetoothd.</param>
    /// <returns>The reply.</returns>
    public Task<DBusMessage> HandleAsync(DBusMessage call) => Task.FromResult(
        properties.Answer(call)
        ?? (call.Interface == Interface && call.Member == "Release"
            ? DBusReplies.Return(call)
            : DBusReplies.Error(call, "org.freedesktop.DBus.Error.UnknownMethod", $"{call.Interface}.{call.Member}")));
}
