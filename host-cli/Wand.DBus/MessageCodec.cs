using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Wand.DBus;

/// <summary>Encodes and decodes whole D-Bus messages (header <c>yyyyuua(yv)</c>, padding to 8, body).</summary>
public static class MessageCodec
{
    /// <summary>The fixed part of the header, in bytes.</summary>
    public const int FixedHeaderLength = 16;

    /// <summary>The largest message the specification allows, in bytes (128 MiB).</summary>
    public const int MaximumMessageLength = 128 * 1024 * 1024;

    private const byte PathField = 1;
    private const byte InterfaceField = 2;
    private const byte MemberField = 3;
    private const byte ErrorNameField = 4;
    private const byte ReplySerialField = 5;
    private const byte DestinationField = 6;
    private const byte SenderField = 7;
    private const byte SignatureField = 8;

    /// <summary>Encodes a message little-endian.</summary>
    /// <param name="message">The message; its serial must not be 0.</param>
    /// <returns>The bytes to send.</returns>
    public static byte[] Encode(DBusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Serial == 0)
        {
            throw new ArgumentException("A message's serial must not be 0.", nameof(message));
        }

        MessageWriter body = new();
        body.WriteValues(message.Signature, message.Body);

        MessageWriter writer = new();
        writer.WriteByte((byte)'l');
        writer.WriteByte((byte)message.Type);
        writer.WriteByte((byte)message.Flags);
        writer.WriteByte(1);
        writer.WriteUInt32((uint)body.Length);
        writer.WriteUInt32(message.Serial);

        List<object[]> fields = [];
        if (message.Path is ObjectPath path)
        {
            fields.Add([PathField, new Variant(new Signature("o"), path)]);
        }

        AddString(fields, DestinationField, message.Destination);
        AddString(fields, InterfaceField, message.Interface);
        AddString(fields, MemberField, message.Member);
        AddString(fields, ErrorNameField, message.ErrorName);
        if (message.ReplySerial is uint replySerial)
        {
            fields.Add([ReplySerialField, new Variant(new Signature("u"), replySerial)]);
        }

        AddString(fields, SenderField, message.Sender);
        if (message.Signature.Value.Length > 0)
        {
            fields.Add([SignatureField, new Variant(new Signature("g"), message.Signature)]);
        }

        writer.WriteValue("a(yv)", fields);
        writer.Align(8);
        int headerLength = writer.Length;
        byte[] bytes = new byte[headerLength + body.Length];
        writer.ToArray().CopyTo(bytes, 0);
        body.ToArray().CopyTo(bytes, headerLength);
        if (bytes.Length > MaximumMessageLength)
        {
            throw new ArgumentException($"The message is {bytes.Length} bytes long; D-Bus allows at most {MaximumMessageLength}.", nameof(message));
        }

        return bytes;
    }

    /// <summary>Works out a message's total length from its first 16 bytes.</summary>
    /// <param name="fixedHeader">At least the first <see cref="FixedHeaderLength"/> bytes.</param>
    /// <returns>The total length in bytes, header padding and body included.</returns>
    /// <exception cref="DBusProtocolException">The header is not a D-Bus header or the length is out of range.</exception>
    public static int TotalLength(ReadOnlySpan<byte> fixedHeader)
    {
        bool bigEndian = ByteOrder(fixedHeader);
        if (fixedHeader[3] != 1)
        {
            throw new DBusProtocolException($"The message uses protocol version {fixedHeader[3]}; only 1 is supported.");
        }

        ulong bodyLength = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(fixedHeader[4..]) : BinaryPrimitives.ReadUInt32LittleEndian(fixedHeader[4..]);
        ulong fieldsLength = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(fixedHeader[12..]) : BinaryPrimitives.ReadUInt32LittleEndian(fixedHeader[12..]);
        ulong headerLength = (FixedHeaderLength + fieldsLength + 7) & ~7UL;
        ulong total = headerLength + bodyLength;
        if (total > MaximumMessageLength)
        {
            throw new DBusProtocolException($"A message claims {total} bytes; D-Bus allows at most {MaximumMessageLength}.");
        }

        return (int)total;
    }

    /// <summary>Decodes one complete message.</summary>
    /// <param name="bytes">Exactly one message.</param>
    /// <returns>The message.</returns>
    /// <exception cref="DBusProtocolException">The bytes are malformed.</exception>
    public static DBusMessage Decode(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Length < FixedHeaderLength)
        {
            throw new DBusProtocolException($"A message needs at least {FixedHeaderLength} bytes; {bytes.Length} were given.");
        }

        int total = TotalLength(bytes.Span);
        if (total != bytes.Length)
        {
            throw new DBusProtocolException($"The header announces {total} bytes but {bytes.Length} were given.");
        }

        bool bigEndian = ByteOrder(bytes.Span);
        MessageReader reader = new(bytes, bigEndian, 4);
        uint bodyLength = reader.ReadUInt32();
        DBusMessage message = new()
        {
            Type = (MessageType)bytes.Span[1],
            Flags = (MessageHeaderOptions)bytes.Span[2],
            Serial = reader.ReadUInt32(),
        };
        if (message.Serial == 0)
        {
            throw new DBusProtocolException("A message has serial 0.");
        }

        foreach (object field in (object[])reader.ReadValue("a(yv)"))
        {
            object[] pair = (object[])field;
            ApplyField(message, (byte)pair[0], (Variant)pair[1]);
        }

        reader.Align(8);
        int bodyStart = reader.Position;
        if (bodyStart + bodyLength != bytes.Length)
        {
            throw new DBusProtocolException("The header's length fields do not match the message.");
        }

        message.Body = reader.ReadValues(message.Signature);
        if (reader.Position != bytes.Length)
        {
            throw new DBusProtocolException($"The body holds {bytes.Length - reader.Position} bytes more than its signature '{message.Signature}' describes.");
        }

        CheckRequiredFields(message);
        return message;
    }

    private static void AddString(List<object[]> fields, byte code, string? value)
    {
        if (value is not null)
        {
            fields.Add([code, Variant.FromString(value)]);
        }
    }

    private static bool ByteOrder(ReadOnlySpan<byte> header) => header[0] switch
    {
        (byte)'l' => false,
        (byte)'B' => true,
        _ => throw new DBusProtocolException($"The byte-order mark 0x{header[0]:X2} is neither 'l' nor 'B'."),
    };

    private static void ApplyField(DBusMessage message, byte code, Variant value)
    {
        string expected = code switch
        {
            PathField => "o",
            InterfaceField or MemberField or ErrorNameField or DestinationField or SenderField => "s",
            ReplySerialField => "u",
            SignatureField => "g",
            _ => string.Empty,
        };
        if (expected.Length == 0)
        {
            return;
        }

        if (value.Signature.Value != expected)
        {
            throw new DBusProtocolException($"Header field {code} has type '{value.Signature}'; '{expected}' is required.");
        }

        switch (code)
        {
            case PathField: message.Path = (ObjectPath)value.Value; break;
            case InterfaceField: message.Interface = (string)value.Value; break;
            case MemberField: message.Member = (string)value.Value; break;
            case ErrorNameField: message.ErrorName = (string)value.Value; break;
            case ReplySerialField: message.ReplySerial = (uint)value.Value; break;
            case DestinationField: message.Destination = (string)value.Value; break;
            case SenderField: message.Sender = (string)value.Value; break;
            default: message.Signature = (Signature)value.Value; break;
        }
    }

    private static void CheckRequiredFields(DBusMessage message)
    {
        string? missing = message.Type switch
        {
            MessageType.MethodCall when message.Path is null || message.Member is null => "PATH and MEMBER",
            MessageType.Signal when message.Path is null || message.Member is null || message.Interface is null => "PATH, INTERFACE and MEMBER",
            MessageType.MethodReturn when message.ReplySerial is null => "REPLY_SERIAL",
            MessageType.Error when message.ReplySerial is null || message.ErrorName is null => "REPLY_SERIAL and ERROR_NAME",
            _ => null,
        };
        if (missing is not null)
        {
            throw new DBusProtocolException($"A {message.Type} message lacks {missing}.");
        }
    }
}
