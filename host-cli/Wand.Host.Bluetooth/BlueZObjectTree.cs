using System;
using System.Collections.Generic;
using System.Linq;
using Wand.DBus;

namespace Wand.Host.Links.Ble;

/// <summary>
/// BlueZ's objects as last seen: filled from <c>GetManagedObjects</c>, then kept current from <c>InterfacesAdded</c>,
/// <c>InterfacesRemoved</c> and <c>PropertiesChanged</c> (the ObjectManager flow of
/// https://dbus.freedesktop.org/doc/dbus-specification.html#standard-interfaces-objectmanager). Thread-safe.
/// Property values are unwrapped from their variants.
/// </summary>
internal sealed class BlueZObjectTree
{
    private static readonly ObjectPath BlueZRoot = new("/org/bluez");
    private readonly object gate = new();
    private readonly Dictionary<ObjectPath, Dictionary<string, Dictionary<string, object>>> objects = [];

    /// <summary>Raised after any change, with the path, the interface and the changed property names.</summary>
    public event Action<ObjectPath, string, IReadOnlyDictionary<string, object>>? Changed;

    /// <summary>Replaces the content with a <c>GetManagedObjects</c> reply value (<c>a{oa{sa{sv}}}</c>).</summary>
    /// <param name="managedObjects">The reply's first value.</param>
    public void Load(object managedObjects)
    {
        lock (gate)
        {
            objects.Clear();
            foreach ((object path, object interfaces) in (Dictionary<object, object>)managedObjects)
            {
                foreach ((object name, object properties) in (Dictionary<object, object>)interfaces)
                {
                    Interfaces((ObjectPath)path)[(string)name] = Unwrap(properties);
                }
            }
        }
    }

    /// <summary>Applies a signal from the ObjectManager or Properties interface; ignores anything else.</summary>
    /// <param name="signal">The signal.</param>
    public void Apply(DBusMessage signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.Body.Count > 0 && signal.Body[0] is ObjectPath subject && !subject.IsInNamespace(BlueZRoot))
        {
            return;
        }

        switch (signal.Member)
        {
            case "InterfacesAdded" when signal.Signature.Value == "oa{sa{sv}}":
                ObjectPath added = (ObjectPath)signal.Body[0];
                foreach ((object name, object properties) in (Dictionary<object, object>)signal.Body[1])
                {
                    Dictionary<string, object> values = Unwrap(properties);
                    lock (gate)
                    {
                        Interfaces(added)[(string)name] = values;
                    }

                    Changed?.Invoke(added, (string)name, values);
                }

                break;
            case "InterfacesRemoved" when signal.Signature.Value == "oas":
                ObjectPath removed = (ObjectPath)signal.Body[0];
                foreach (object name in (object[])signal.Body[1])
                {
                    lock (gate)
                    {
                        if (objects.TryGetValue(removed, out Dictionary<string, Dictionary<string, object>>? interfaces))
                        {
                            interfaces.Remove((string)name);
                            if (interfaces.Count == 0)
                            {
                                objects.Remove(removed);
                            }
                        }
                    }

                    Changed?.Invoke(removed, (string)name, new Dictionary<string, object>());
                }

                break;
            case "PropertiesChanged" when signal.Signature.Value == "sa{sv}as" && signal.Path is ObjectPath path:
                string interfaceName = (string)signal.Body[0];
                Dictionary<string, object> changed = Unwrap(signal.Body[1]);
                lock (gate)
                {
                    Dictionary<string, object> properties = Interfaces(path).TryGetValue(interfaceName, out Dictionary<string, object>? known)
                        ? known
                        : Interfaces(path)[interfaceName] = [];
                    foreach ((string key, object value) in changed)
                    {
                        properties[key] = value;
                    }

                    foreach (object invalidated in (object[])signal.Body[2])
                    {
                        properties.Remove((string)invalidated);
                    }
                }

                Changed?.Invoke(path, interfaceName, changed);
                break;
            default:
                break;
        }
    }

    /// <summary>Gets a property value, or <c>null</c> when the object, interface or property is unknown.</summary>
    /// <param name="path">The object.</param>
    /// <param name="interfaceName">The interface.</param>
    /// <param name="property">The property.</param>
    /// <returns>The value.</returns>
    public object? Get(ObjectPath path, string interfaceName, string property)
    {
        lock (gate)
        {
            return objects.TryGetValue(path, out Dictionary<string, Dictionary<string, object>>? interfaces)
                && interfaces.TryGetValue(interfaceName, out Dictionary<string, object>? properties)
                && properties.TryGetValue(property, out object? value) ? value : null;
        }
    }

    /// <summary>Lists the objects that implement an interface, with a copy of that interface's properties.</summary>
    /// <param name="interfaceName">The interface, for example <c>org.bluez.Adapter1</c>.</param>
    /// <returns>Path and properties, in path order.</returns>
    public IReadOnlyList<(ObjectPath Path, IReadOnlyDictionary<string, object> Properties)> WithInterface(string interfaceName)
    {
        lock (gate)
        {
            return objects
                .Where(entry => entry.Value.ContainsKey(interfaceName))
                .OrderBy(entry => entry.Key.Value, StringComparer.Ordinal)
                .Select(entry => (entry.Key, (IReadOnlyDictionary<string, object>)new Dictionary<string, object>(entry.Value[interfaceName])))
                .ToList();
        }
    }

    private static Dictionary<string, object> Unwrap(object properties)
    {
        Dictionary<string, object> values = [];
        foreach ((object key, object value) in (Dictionary<object, object>)properties)
        {
            values[(string)key] = value is Variant variant ? variant.Value : value;
        }

        return values;
    }

    private Dictionary<string, Dictionary<string, object>> Interfaces(ObjectPath path)
    {
        if (!objects.TryGetValue(path, out Dictionary<string, Dictionary<string, object>>? interfaces))
        {
            interfaces = [];
            objects[path] = interfaces;
        }

        return interfaces;
    }
}
