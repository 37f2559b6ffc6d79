using System;
using System.Collections.Generic;
using System.Net.Sockets;

namespace Wand.DBus;

/// <summary>
/// A D-Bus server address (<c>unix:path=…</c> or <c>unix:abstract=…</c>, optionally several separated by <c>;</c>, each
/// with <c>,guid=…</c>). Source: D-Bus specification, "Server Addresses" and "Unix Domain Sockets".
/// </summary>
public sealed class DBusAddress
{
    /// <summary>The system bus socket used when <c>DBUS_SYSTEM_BUS_ADDRESS</c> is not set.</summary>
    public const string DefaultSystemBus = "unix:path=/var/run/dbus/system_bus_socket";

    /// <summary>The environment variable that overrides the system bus address.</summary>
    public const string SystemBusVariable = "DBUS_SYSTEM_BUS_ADDRESS";

    private DBusAddress(string text, IReadOnlyList<UnixDomainSocketEndPoint> endPoints)
    {
        Text = text;
        EndPoints = endPoints;
    }

    /// <summary>Gets the address as given.</summary>
    public string Text { get; }

    /// <summary>Gets the socket end points to try, in order.</summary>
    public IReadOnlyList<UnixDomainSocketEndPoint> EndPoints { get; }

    /// <summary>Gets the system bus address: <c>DBUS_SYSTEM_BUS_ADDRESS</c> if set, else <see cref="DefaultSystemBus"/>.</summary>
    /// <returns>The parsed address.</returns>
    public static DBusAddress SystemBus()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(SystemBusVariable);
        return Parse(string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultSystemBus : fromEnvironment);
    }

    /// <summary>Parses an address.</summary>
    /// <param name="text">For example <c>unix:path=/run/dbus/system_bus_socket</c>.</param>
    /// <returns>The parsed address.</returns>
    /// <exception cref="FormatException">No usable transport, or a malformed entry; the message names it.</exception>
    public static DBusAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<UnixDomainSocketEndPoint> endPoints = [];
        foreach (string entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new FormatException($"D-Bus address entry '{entry}' has no transport (expected 'unix:path=…').");
            }

            if (entry[..colon] != "unix")
            {
                continue;
            }

            Dictionary<string, string> keys = [];
            foreach (string pair in entry[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new FormatException($"D-Bus address entry '{entry}' has a key without a value: '{pair}'.");
                }

                keys[pair[..equals]] = Unescape(pair[(equals + 1)..], entry);
            }

            if (keys.TryGetValue("path", out string? path))
            {
                endPoints.Add(new UnixDomainSocketEndPoint(path));
            }
            else if (keys.TryGetValue("abstract", out string? name))
            {
                endPoints.Add(new UnixDomainSocketEndPoint("\0" + name));
            }
            else
            {
                throw new FormatException($"D-Bus address entry '{entry}' has neither 'path' nor 'abstract'.");
            }
        }

        if (endPoints.Count == 0)
        {
            throw new FormatException($"D-Bus address '{text}' has no unix transport this client can use.");
        }

        return new DBusAddress(text, endPoints);
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static string Unescape(string value, string entry)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        List<byte> bytes = [];
        for (int index = 0; index < value.Length; index++)
        {
            if (value[index] == '%')
            {
                if (index + 2 >= value.Length || !byte.TryParse(value.AsSpan(index + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out byte escaped))
                {
                    throw new FormatException($"D-Bus address entry '{entry}' has a bad %-escape at {index}.");
                }

                bytes.Add(escaped);
                index += 2;
            }
            else
            {
                bytes.Add((byte)value[index]);
            }
        }

        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }
}
