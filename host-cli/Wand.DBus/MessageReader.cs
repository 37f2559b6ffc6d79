using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace Wand.DBus;

/// <summary>
/// Unmarshals values from the D-Bus wire format, either byte order. Positions (and so alignment) are counted from the
/// start of the buffer, which must be the start of the message. .NET forms produced: <c>ay</c> byte[], dictionaries
/// <see cref="Dictionary{TKey, TValue}"/> of object to object, other arrays object[], structs object[], <c>o</c>
/// <see cref="ObjectPath"/>, <c>g</c> <see cref="Signature"/>, <c>v</c> <see cref="Variant"/>, basic types their
/// natural .NET type (<c>h</c> as uint, the index into the message's descriptors).
/// </summary>
public sealed class MessageReader
{
    private readonly ReadOnlyMemory<byte> data;
    private readonly bool bigEndian;
    private int position;
    private int depth;

    /// <summary>Initializes a new instance of the <see cref="MessageReader"/> class.</summary>
    /// <param name="data">The message bytes.</param>
    /// <param name="bigEndian"><c>true</c> for byte order <c>B</c>, <c>false</c> for <c>l</c>.</param>
    /// <param name="position">Where reading starts.</param>
    public MessageReader(ReadOnlyMemory<byte> data, bool bigEndian, int position = 0)
    {
        this.data = data;
        this.bigEndian = bigEndian;
        this.position = position;
    }

    /// <summary>Gets the current position from the start of the buffer.</summary>
    public int Position => position;

    /// <summary>Reads values in the order of a signature's complete types.</summary>
    /// <param name="signature">The signature.</param>
    /// <returns>One value per complete type.</returns>
    /// <exception cref="DBusProtocolException">The bytes do not hold such values.</exception>
    public object[] ReadValues(Signature signature)
    {
        IReadOnlyList<string> types = signature.CompleteTypes();
        object[] values = new object[types.Count];
        for (int index = 0; index < values.Length; index++)
        {
            values[index] = ReadValue(types[index]);
        }

        return values;
    }

    /// <summary>Reads one value of a single complete type.</summary>
    /// <param name="type">The complete type.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DBusProtocolException">The bytes do not hold such a value.</exception>
    public object ReadValue(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        switch (type[0])
        {
            case 'y':
                return Take(1)[0];
            case 'b':
                uint flag = ReadUInt32();
                return flag switch
                {
                    0 => false,
                    1 => true,
                    _ => throw new DBusProtocolException($"A boolean at byte {position - 4} holds {flag}; only 0 and 1 are allowed."),
                };
            case 'n':
                Align(2);
                return bigEndian ? BinaryPrimitives.ReadInt16BigEndian(Take(2)) : BinaryPrimitives.ReadInt16LittleEndian(Take(2));
            case 'q':
                Align(2);
                return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(Take(2)) : BinaryPrimitives.ReadUInt16LittleEndian(Take(2));
            case 'i':
                return unchecked((int)ReadUInt32());
            case 'u' or 'h':
                return ReadUInt32();
            case 'x':
                Align(8);
                return bigEndian ? BinaryPrimitives.ReadInt64BigEndian(Take(8)) : BinaryPrimitives.ReadInt64LittleEndian(Take(8));
            case 't':
                Align(8);
                return bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(Take(8)) : BinaryPrimitives.ReadUInt64LittleEndian(Take(8));
            case 'd':
                Align(8);
                return bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(Take(8)) : BinaryPrimitives.ReadDoubleLittleEndian(Take(8));
            case 's':
                return ReadString();
            case 'o':
                string path = ReadString();
                return ObjectPath.IsValid(path) ? new ObjectPath(path) : throw new DBusProtocolException($"'{path}' at byte {position} is not a valid object path.");
            case 'g':
                return ParseSignature(ReadSignatureText());
            case 'v':
                Signature signature = ParseSignature(ReadSignatureText());
                if (signature.CompleteTypes().Count != 1)
                {
                    throw new DBusProtocolException($"A variant at byte {position} has signature '{signature}', which is not one complete type.");
                }

                return new Variant(signature, Nested(() => ReadValue(signature.Value)));
            case 'a':
                return Nested(() => ReadArray(type[1..]));
            case '(':
                return Nested(() => ReadStruct(type));
            default:
                throw new DBusProtocolException($"'{type}' is not a readable D-Bus type.");
        }
    }

    /// <summary>Reads a 32-bit unsigned value (aligned to 4).</summary>
    /// <returns>The value.</returns>
    internal uint ReadUInt32()
    {
        Align(4);
        ReadOnlySpan<byte> bytes = Take(4);
        return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }

    /// <summary>Skips padding up to the next multiple of <paramref name="alignment"/>; padding must be NUL.</summary>
    /// <param name="alignment">1, 2, 4 or 8.</param>
    internal void Align(int alignment)
    {
        int padding = (alignment - (position % alignment)) % alignment;
        ReadOnlySpan<byte> bytes = Take(padding);
        if (bytes.ContainsAnyExcept((byte)0))
        {
            throw new DBusProtocolException($"Padding before byte {position} is not all zero.");
        }
    }

    private static Signature ParseSignature(string text)
    {
        try
        {
            return new Signature(text);
        }
        catch (ArgumentException exception)
        {
            throw new DBusProtocolException(exception.Message);
        }
    }

    private string ReadString()
    {
        uint byteLength = ReadUInt32();
        if (byteLength > int.MaxValue - 1)
        {
            throw new DBusProtocolException($"A string at byte {position} claims {byteLength} bytes.");
        }

        ReadOnlySpan<byte> bytes = Take((int)byteLength + 1);
        if (bytes[^1] != 0 || bytes[..^1].Contains((byte)0))
        {
            throw new DBusProtocolException($"A string ending at byte {position} is not NUL-terminated or holds a NUL.");
        }

        return Encoding.UTF8.GetString(bytes[..^1]);
    }

    private string ReadSignatureText()
    {
        int byteLength = Take(1)[0];
        ReadOnlySpan<byte> bytes = Take(byteLength + 1);
        if (bytes[^1] != 0)
        {
            throw new DBusProtocolException($"A signature ending at byte {position} is not NUL-terminated.");
        }

        return Encoding.ASCII.GetString(bytes[..^1]);
    }

    private object ReadArray(string elementType)
    {
        uint byteLength = ReadUInt32();
        if (byteLength > MessageWriter.MaximumArrayLength)
        {
            throw new DBusProtocolException($"An array at byte {position} claims {byteLength} bytes; at most {MessageWriter.MaximumArrayLength} are allowed.");
        }

        Align(Signature.AlignmentOf(elementType[0]));
        int end = position + (int)byteLength;
        if (end > data.Length)
        {
            throw new DBusProtocolException($"An array at byte {position} runs past the end of the message.");
        }

        if (elementType == "y")
        {
            return Take((int)byteLength).ToArray();
        }

        if (elementType[0] == '{')
        {
            string keyType = elementType.Substring(1, 1);
            string valueType = elementType[2..^1];
            Dictionary<object, object> dictionary = [];
            while (position < end)
            {
                Align(8);
                object key = ReadValue(keyType);
                dictionary[key] = ReadValue(valueType);
            }

            CheckEnd(end);
            return dictionary;
        }

        List<object> elements = [];
        while (position < end)
        {
            elements.Add(ReadValue(elementType));
        }

        CheckEnd(end);
        return elements.ToArray();
    }

    private object[] ReadStruct(string type)
    {
        Align(8);
        IReadOnlyList<string> fieldTypes = Signature.Split(type[1..^1]);
        object[] fields = new object[fieldTypes.Count];
        for (int index = 0; index < fields.Length; index++)
        {
            fields[index] = ReadValue(fieldTypes[index]);
        }

        return fields;
    }

    private void CheckEnd(int end)
    {
        if (position != end)
        {
            throw new DBusProtocolException($"An array's elements end at byte {position}, not at its declared end {end}.");
        }
    }

    private object Nested(Func<object> read)
    {
        if (++depth > 64)
        {
            throw new DBusProtocolException("The message nests containers deeper than 64.");
        }

        object value = read();
        depth--;
        return value;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || position + count > data.Length)
        {
            throw new DBusProtocolException($"The message ends at byte {data.Length}; {count} more bytes were needed at byte {position}.");
        }

        ReadOnlySpan<byte> span = data.Span.Slice(position, count);
        position += count;
        return span;
    }
}
