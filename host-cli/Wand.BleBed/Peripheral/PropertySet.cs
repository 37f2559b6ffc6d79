using System.Collections.Generic;
using Wand.DBus;

namespace Wand.BleBed.Peripheral;

/// <summary>One exported object's properties on one interface, answered through org.freedesktop.DBus.Properties.</summary>
internal sealed class PropertySet(string interfaceName, Dictionary<string, Variant> values)
{
    private const string PropertiesInterface = "org.freedesktop.DBus.Properties";

    /// <summary>Gets the interface the properties belong to.</summary>
    public string Interface { get; } = interfaceName;

    /// <summary>Gets the values by property name.</summary>
    public Dictionary<string, Variant> Values { get; } = values;

    /// <summary>Answers Get and GetAll; <c>null</c> when the call is not for org.freedesktop.DBus.Properties.</summary>
    /// <param name="call">The incoming call.</param>
    /// <returns>The reply, or <c>null</c>.</returns>
    public DBusMessage? Answer(DBusMessage call)
    {
        if (call.Interface != PropertiesInterface)
        {
            return null;
        }

        string requested = call.Body.Count > 0 ? (string)call.Body[0] : string.Empty;
        if (requested != Interface)
        {
            return DBusReplies.Error(call, "org.freedesktop.DBus.Error.UnknownInterface", $"No interface {requested}");
        }

        return call.Member switch
        {
            "GetAll" => DBusReplies.Return(call, "a{sv}", Values),
            "Get" when Values.TryGetValue((string)call.Body[1], out Variant? value) => DBusReplies.Return(call, "v", value),
            "Get" => DBusReplies.Error(call, "org.freedesktop.DBus.Error.UnknownProperty", $"No property {call.Body[1]}"),
            _ => DBusReplies.Error(call, "org.freedesktop.DBus.Error.PropertyReadOnly", $"{Interface} properties are read-only"),
        };
    }
}
