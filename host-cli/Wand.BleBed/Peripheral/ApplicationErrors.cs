using Wand.DBus;
using Wand.Protocol.Profile;

namespace Wand.BleBed.Peripheral;

/// <summary>
/// The D-Bus error a GATT application returns so that BlueZ answers the central with the firmware's ATT code: the
/// inverse of <c>dbus_error_to_att_ecode</c> in BlueZ 5.66 src/gatt-database.c
/// (https://github.com/bluez/bluez/blob/5.66/src/gatt-database.c). Application codes 0x80–0x9F travel as
/// <c>org.bluez.Error.Failed</c> with the code as its message; BlueZ releases that parse no message answer 0x80 for every
/// one of them. Codes with no D-Bus form (0x13 Value Not Allowed, 0x0E) reach the central as 0x0E (Unlikely Error).
/// </summary>
public static class ApplicationErrors
{
    /// <summary>Builds the error reply for a refused request.</summary>
    /// <param name="call">The ReadValue, WriteValue or StartNotify call.</param>
    /// <param name="attError">The firmware's ATT code, 0x01 to 0xFF.</param>
    /// <returns>The error reply.</returns>
    public static DBusMessage Reply(DBusMessage call, byte attError)
    {
        (string name, string text) = ErrorFor(attError);
        return DBusReplies.Error(call, name, text);
    }

    /// <summary>The D-Bus error name and message for an ATT code.</summary>
    /// <param name="attError">The ATT code.</param>
    /// <returns>The name and the message.</returns>
    public static (string Name, string Text) ErrorFor(byte attError) => (AttError)attError switch
    {
        AttError.ReadNotPermitted or AttError.WriteNotPermitted => ("org.bluez.Error.NotPermitted", "Not permitted"),
        AttError.RequestNotSupported => ("org.bluez.Error.NotSupported", "Not supported"),
        AttError.InsufficientAuthorization => ("org.bluez.Error.NotAuthorized", "Not authorized"),
        AttError.InvalidAttributeValueLength => ("org.bluez.Error.InvalidValueLength", "Invalid value length"),
        AttError.InvalidOffset => ("org.bluez.Error.InvalidOffset", "Invalid offset"),
        _ when attError is >= 0x80 and <= 0x9F => ("org.bluez.Error.Failed", $"0x{attError:X2}"),
        _ => ("org.bluez.Error.Failed", $"ATT error 0x{attError:X2}"),
    };
}
