using System;
using System.Globalization;
using System.Text.RegularExpressions;
using Wand.DBus;

namespace Wand.Host.Links.Ble;

/// <summary>
/// Maps BlueZ's D-Bus errors back to the ATT errors the wand sent, following 5.66 <c>src/gatt-client.c</c>
/// <c>create_gatt_dbus_error</c> (https://github.com/bluez/bluez/blob/5.66/src/gatt-client.c); everything else becomes a link or BlueZ error.
/// </summary>
internal static partial class BlueZErrorMapping
{
    private const string Prefix = "org.bluez.Error.";

    /// <summary>Translates a failed GATT request.</summary>
    /// <param name="exception">What the D-Bus client raised.</param>
    /// <param name="characteristic">The characteristic addressed.</param>
    /// <param name="operation">For example <c>write</c>, for the message.</param>
    /// <returns>The exception to throw.</returns>
    public static WandHostException ForRequest(DBusException exception, Guid characteristic, string operation)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case DBusTimeoutException:
                return new LinkLostException($"The wand did not answer the {operation} of {characteristic} in time.", exception);
            case DBusConnectionException:
                return new LinkLostException($"The connection to BlueZ closed during the {operation} of {characteristic}.", exception);
            case DBusErrorException error:
                byte? code = AttCode(error.ErrorName, error.ErrorMessage);
                if (code is byte attCode)
                {
                    return new AttErrorException(attCode, characteristic, $"{Wand.Host.Links.AttErrorText.Describe(attCode)} ({operation} of {characteristic}; BlueZ: {error.ErrorMessage})");
                }

                if (error.ErrorName is Prefix + "NotConnected" or "org.freedesktop.DBus.Error.UnknownObject")
                {
                    return new LinkLostException($"The link to the wand dropped before the {operation} of {characteristic} ({error.ErrorName}).", exception);
                }

                return new BlueZOperationException($"BlueZ refused the {operation} of {characteristic}: {error.Message}", exception);
            default:
                return new BlueZOperationException($"The {operation} of {characteristic} failed: {exception.Message}", exception);
        }
    }

    /// <summary>Recovers the ATT error code from a BlueZ error, when there is one.</summary>
    /// <param name="errorName">The D-Bus error name.</param>
    /// <param name="errorMessage">The D-Bus error text.</param>
    /// <returns>The ATT code, or <c>null</c> when the error is not an ATT error.</returns>
    public static byte? AttCode(string errorName, string errorMessage)
    {
        ArgumentNullException.ThrowIfNull(errorMessage);
        string text = errorMessage.ToUpperInvariant();
        switch (errorName)
        {
            case Prefix + "NotPermitted" when text.Contains("READ", StringComparison.Ordinal):
                return 0x02;
            case Prefix + "NotPermitted" when text.Contains("WRITE", StringComparison.Ordinal):
                return 0x03;
            case Prefix + "NotPermitted" when text.Contains("NOT PAIRED", StringComparison.Ordinal):
                // BlueZ sends this for 0x05, 0x0C and 0x0F alike; the original code cannot be told apart.
                return 0x05;
            case Prefix + "InvalidArguments" when text.Contains("OFFSET", StringComparison.Ordinal):
            case Prefix + "InvalidOffset":
                return 0x07;
            case Prefix + "InvalidArguments" when text.Contains("LENGTH", StringComparison.Ordinal):
            case Prefix + "InvalidValueLength":
                return 0x0D;
            case Prefix + "NotAuthorized":
                return 0x08;
            case Prefix + "NotSupported":
                return 0x06;
            case Prefix + "Failed":
                Match match = AttErrorText().Match(errorMessage);
                return match.Success ? byte.Parse(match.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : null;
            default:
                return null;
        }
    }

    [GeneratedRegex("ATT error: 0x([0-9A-Fa-f]{2})")]
    private static partial Regex AttErrorText();
}
