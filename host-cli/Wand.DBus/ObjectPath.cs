using System;

namespace Wand.DBus;

/// <summary>A D-Bus object path (type code <c>o</c>), for example <c>/org/bluez/hci0</c>.</summary>
public readonly record struct ObjectPath
{
    /// <summary>Initializes a new instance of the <see cref="ObjectPath"/> struct.</summary>
    /// <param name="value">The path: <c>/</c>, or <c>/</c>-separated elements of <c>[A-Za-z0-9_]</c>, no trailing slash.</param>
    /// <exception cref="ArgumentException">The path is not valid.</exception>
    public ObjectPath(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsValid(value))
        {
            throw new ArgumentException($"'{value}' is not a valid D-Bus object path.", nameof(value));
        }

        Value = value;
    }

    /// <summary>Gets the path text.</summary>
    public string Value { get; }

    /// <summary>Checks a path against the specification's rules.</summary>
    /// <param name="value">The candidate path.</param>
    /// <returns><c>true</c> when valid.</returns>
    public static bool IsValid(string value)
    {
        if (string.IsNullOrEmpty(value) || value[0] != '/')
        {
            return false;
        }

        if (value.Length == 1)
        {
            return true;
        }

        if (value[^1] == '/')
        {
            return false;
        }

        char previous = '/';
        for (int index = 1; index < value.Length; index++)
        {
            char character = value[index];
            if (character == '/')
            {
                if (previous == '/')
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterOrDigit(character) && character != '_')
            {
                return false;
            }

            previous = character;
        }

        return true;
    }

    /// <summary>Checks whether this path is <paramref name="other"/> or lies below it.</summary>
    /// <param name="other">The namespace root.</param>
    /// <returns><c>true</c> when inside the namespace.</returns>
    public bool IsInNamespace(ObjectPath other)
    {
        string root = other.Value ?? "/";
        string self = Value ?? "/";
        return root == "/" || self == root || self.StartsWith(root + "/", StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public override string ToString() => Value ?? "/";
}
