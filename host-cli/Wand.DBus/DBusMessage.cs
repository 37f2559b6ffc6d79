using System;
using System.Collections.Generic;

namespace Wand.DBus;

/// <summary>The four D-Bus message types.</summary>
public enum MessageType : byte
{
    /// <summary>Not a valid message type.</summary>
    Invalid = 0,

    /// <summary>A method call.</summary>
    MethodCall = 1,

    /// <summary>A method's successful reply.</summary>
    MethodReturn = 2,

    /// <summary>A method's error reply.</summary>
    Error = 3,

    /// <summary>A signal.</summary>
    Signal = 4,
}

/// <summary>Message header flags.</summary>
[Flags]
public enum MessageHeaderOptions : byte
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>The caller does not want a reply.</summary>
    NoReplyExpected = 0x1,

    /// <summary>The bus must not start a service for the destination.</summary>
    NoAutoStart = 0x2,

    /// <summary>The caller is prepared to wait for interactive authorization.</summary>
    AllowInteractiveAuthorization = 0x4,
}

/// <summary>One D-Bus message: header fields and body values.</summary>
public sealed class DBusMessage
{
    /// <summary>Gets or sets the message type.</summary>
    public MessageType Type { get; set; }

    /// <summary>Gets or sets the header flags.</summary>
    public MessageHeaderOptions Flags { get; set; }

    /// <summary>Gets or sets the serial, 1 to 2^32−1; the connection assigns it when sending.</summary>
    public uint Serial { get; set; }

    /// <summary>Gets or sets the object path (calls and signals).</summary>
    public ObjectPath? Path { get; set; }

    /// <summary>Gets or sets the interface (required for signals).</summary>
    public string? Interface { get; set; }

    /// <summary>Gets or sets the member (method or signal name).</summary>
    public string? Member { get; set; }

    /// <summary>Gets or sets the error name (errors).</summary>
    public string? ErrorName { get; set; }

    /// <summary>Gets or sets the serial this message replies to (returns and errors).</summary>
    public uint? ReplySerial { get; set; }

    /// <summary>Gets or sets the destination bus name.</summary>
    public string? Destination { get; set; }

    /// <summary>Gets or sets the sender's unique name (set by the bus).</summary>
    public string? Sender { get; set; }

    /// <summary>Gets or sets the body's signature.</summary>
    public Signature Signature { get; set; }

    /// <summary>Gets or sets the body values, one per complete type of <see cref="Signature"/>.</summary>
    public IReadOnlyList<object> Body { get; set; } = [];

    /// <summary>Creates a method call.</summary>
    /// <param name="destination">The bus name to call, for example <c>org.bluez</c>.</param>
    /// <param name="path">The object.</param>
    /// <param name="interfaceName">The interface.</param>
    /// <param name="member">The method.</param>
    /// <param name="signature">The arguments' signature (empty for none).</param>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The message.</returns>
    public static DBusMessage MethodCall(string destination, ObjectPath path, string interfaceName, string member, string signature = "", params object[] arguments) => new()
    {
        Type = MessageType.MethodCall,
        Destination = destination,
        Path = path,
        Interface = interfaceName,
        Member = member,
        Signature = new Signature(signature),
        Body = arguments,
    };

    /// <summary>Gets the first body value as a string, or empty (the text of an ERROR).</summary>
    /// <returns>The text.</returns>
    public string FirstStringOrEmpty() => Body.Count > 0 && Body[0] is string text ? text : string.Empty;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Type} serial={Serial} path={Path} interface={Interface} member={Member} error={ErrorName} reply={ReplySerial} sig={Signature}";
}
