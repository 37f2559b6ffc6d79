using System;

namespace Wand.DBus;

/// <summary>Builds replies to incoming method calls (for exported objects).</summary>
public static class DBusReplies
{
    /// <summary>Creates a METHOD_RETURN for a call.</summary>
    /// <param name="call">The incoming call.</param>
    /// <param name="signature">The reply values' signature.</param>
    /// <param name="values">The reply values.</param>
    /// <returns>The reply, for an exported object's handler to return.</returns>
    public static DBusMessage Return(DBusMessage call, string signature = "", params object[] values)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new DBusMessage
        {
            Type = MessageType.MethodReturn,
            Flags = MessageHeaderOptions.NoReplyExpected,
            ReplySerial = call.Serial,
            Destination = call.Sender,
            Signature = new Signature(signature),
            Body = values,
        };
    }

    /// <summary>Creates an ERROR reply for a call.</summary>
    /// <param name="call">The incoming call.</param>
    /// <param name="errorName">The error name, for example <c>org.bluez.Error.Rejected</c>.</param>
    /// <param name="text">The error's message.</param>
    /// <returns>The reply.</returns>
    public static DBusMessage Error(DBusMessage call, string errorName, string text)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new DBusMessage
        {
            Type = MessageType.Error,
            Flags = MessageHeaderOptions.NoReplyExpected,
            ReplySerial = call.Serial,
            Destination = call.Sender,
            ErrorName = errorName,
            Signature = new Signature("s"),
            Body = [text],
        };
    }
}
