using System;
using System.Buffers.Binary;
using System.Collections;
using System.Collections.Generic;
using System.Text;

namespace Wand.DBus;

/// <summary>
/// Marshals values in the D-Bus wire format, little-endian. Alignment is counted from the first byte written, which
/// must be the first byte of the message (or of a body, which always starts 8-aligned). .NET forms accepted per type:
/// <c>y</c> byte, <c>b</c> bool, <c>n</c> short, <c>q</c> ushort, <c>i</c> int, <c>u</c>/<c>h</c> uint, <c>x</c> long,
/// <c>t</c> ulong, <c>d</c> double, <c>s</c> string, <c>o</c> <see cref="ObjectPath"/> or string, <c>g</c>
/// <see cref="Signature"/> or string, <c>v</c> <see cref="Variant"/>, <c>ay</c> byte[] or ReadOnlyMemory&lt;byte&gt;,
/// other arrays any <see cref="IEnumerable"/>, dictionaries any <see cref="IDictionary"/>, structs object[].
/// </summary>
public sealed class MessageWriter
{
    /// <summary>The largest array the specification allows, in bytes (64 MiB).</summary>
    public const int MaximumArrayLength = 64 * 1024 * 1024;

    private byte[] buffer = new byte[128];
    private int length;
    private int depth;

    /// <summary>Gets the number of bytes written so far.</summary>
    public int Length => length;

    /// <summary>Copies the bytes written.</summary>
    /// <returns>A new array.</returns>
    public byte[] ToArray() => buffer.AsSpan(0, length).ToArray();

    /// <summary>Writes NUL padding up to the next multiple of <paramref name="alignment"/>.</summary>
    /// <param name="alignment">1, 2, 4 or 8.</param>
    public void Align(int alignment)
    {
        int padding = (alignment - (length % alignment)) % alignment;
        Reserve(padding).Clear();
    }

    /// <summary>Writes values in the order of a signature's complete types.</summary>
    /// <param name="signature">The signature.</param>
    /// <param name="values">One value per complete type.</param>
    public void WriteValues(Signature signature, IReadOnlyList<object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        IReadOnlyList<string> types = signature.CompleteTypes();
        if (types.Count != values.Count)
        {
            throw new ArgumentException($"Signature '{signature}' needs {types.Count} values; {values.Count} were given.", nameof(values));
        }

        for (int index = 0; index < types.Count; index++)
        {
            WriteValue(types[index], values[index]);
        }
    }

    /// <summary>Writes one value of a single complete type.</summary>
    /// <param name="type">The complete type, for example <c>a{sv}</c>.</param>
    /// <param name="value">The value.</param>
    public void WriteValue(string type, object value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            WriteTyped(type, value);
        }
        catch (InvalidCastException exception)
        {
            throw new ArgumentException($"A {value.GetType().Name} cannot be written as D-Bus type '{type}'.", nameof(value), exception);
        }
    }

    /// <summary>Overwrites a 32-bit value written earlier (used for lengths).</summary>
    /// <param name="offset">Where the value starts.</param>
    /// <param name="value">The new value.</param>
    internal void PatchUInt32(int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(offset, 4), value);

    internal void WriteByte(byte value) => Reserve(1)[0] = value;

    internal void WriteUInt32(uint value)
    {
        Align(4);
        BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);
    }

    internal void WriteString(string value)
    {
        int byteCount = Encoding.UTF8.GetByteCount(value);
        WriteUInt32((uint)byteCount);
        Span<byte> target = Reserve(byteCount + 1);
        Encoding.UTF8.GetBytes(value, target);
        target[byteCount] = 0;
    }

    internal void WriteSignature(string value)
    {
        Span<byte> target = Reserve(value.Length + 2);
        target[0] = (byte)value.Length;
        Encoding.ASCII.GetBytes(value, target[1..]);
        target[^1] = 0;
    }

    private void WriteTyped(string type, object value)
    {
        switch (type[0])
        {
            case 'y':
                WriteByte(Convert.ToByte(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case 'b':
                WriteUInt32((bool)value ? 1u : 0u);
                break;
            case 'n':
                Align(2);
                BinaryPrimitives.WriteInt16LittleEndian(Reserve(2), Convert.ToInt16(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case 'q':
                Align(2);
                BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), Convert.ToUInt16(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case 'i':
                Align(4);
                BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case 'u' or 'h':
                WriteUInt32(Convert.ToUInt32(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case 'x':
                Align(8);
                BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case 't':
                Align(8);
                BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case 'd':
                Align(8);
                BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case 's':
                WriteString((string)value);
                break;
            case 'o':
                WriteString(value is ObjectPath path ? path.Value : new ObjectPath((string)value).Value);
                break;
            case 'g':
                WriteSignature(value is Signature signature ? signature.Value : new Signature((string)value).Value);
                break;
            case 'v':
                Variant variant = (Variant)value;
                WriteSignature(variant.Signature.Value);
                Enter();
                WriteTyped(variant.Signature.Value, variant.Value);
                depth--;
                break;
            case 'a':
                Enter();
                WriteArray(type[1..], value);
                depth--;
                break;
            case '(':
                Enter();
                WriteStruct(type, (object[])value);
                depth--;
                break;
            default:
                throw new ArgumentException($"'{type}' is not a writable D-Bus type.", nameof(type));
        }
    }

    private void WriteArray(string elementType, object value)
    {
        WriteUInt32(0);
        int lengthOffset = length - 4;
        Align(Signature.AlignmentOf(elementType[0]));
        int start = length;
        if (elementType == "y" && value is byte[] or ReadOnlyMemory<byte>)
        {
            ReadOnlySpan<byte> bytes = value is byte[] array ? array : ((ReadOnlyMemory<byte>)value).Span;
            bytes.CopyTo(Reserve(bytes.Length));
        }
        else if (elementType[0] == '{')
        {
            int keyLength = 1;
            string keyType = elementType.Substring(1, keyLength);
            string valueType = elementType[(1 + keyLength)..^1];
            foreach (DictionaryEntry entry in (IDictionary)value)
            {
                Align(8);
                WriteTyped(keyType, entry.Key);
                WriteTyped(valueType, entry.Value!);
            }
        }
        else
        {
            foreach (object? element in (IEnumerable)value)
            {
                WriteTyped(elementType, element!);
            }
        }

        int byteLength = length - start;
        if (byteLength > MaximumArrayLength)
        {
            throw new ArgumentException($"The array is {byteLength} bytes long; D-Bus allows at most {MaximumArrayLength}.", nameof(value));
        }

        PatchUInt32(lengthOffset, (uint)byteLength);
    }

    private void WriteStruct(string type, object[] fields)
    {
        Align(8);
        IReadOnlyList<string> fieldTypes = Signature.Split(type[1..^1]);
        if (fieldTypes.Count != fields.Length)
        {
            throw new ArgumentException($"Struct '{type}' needs {fieldTypes.Count} fields; {fields.Length} were given.", nameof(fields));
        }

        for (int index = 0; index < fields.Length; index++)
        {
            WriteTyped(fieldTypes[index], fields[index]);
        }
    }

    private void Enter()
    {
        if (++depth > 64)
        {
            throw new ArgumentException("The value nests containers deeper than 64.");
        }
    }

    private Span<byte> Reserve(int count)
    {
        if (length + count > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + count));
        }

        Span<byte> span = buffer.AsSpan(length, count);
        length += count;
        return span;
    }
}
