using System;
using System.Collections;
using System.Collections.Generic;
using Tmds.DBus.Protocol;

namespace Wand.DBus;

/// <summary>
/// Writes and reads plain .NET values by D-Bus signature through Tmds.DBus.Protocol's <see cref="MessageWriter"/> and
/// <see cref="Reader"/>, which own the wire format and alignment. The value forms, for both directions:
/// <c>y</c> byte, <c>b</c> bool, <c>n</c>/<c>q</c>/<c>i</c>/<c>u</c>/<c>x</c>/<c>t</c> the matching integer, <c>d</c>
/// double, <c>s</c> string, <c>o</c> <see cref="ObjectPath"/>, <c>g</c> <see cref="Signature"/>, <c>v</c>
/// <see cref="Variant"/>, <c>ay</c> byte[], <c>a{kv}</c> a dictionary (read as <c>Dictionary&lt;object, object&gt;</c>),
/// other arrays an enumerable (read as object[]), structs object[].
/// </summary>
internal static class ValueMarshalling
{
    /// <summary>Writes one value per complete type of <paramref name="signature"/>.</summary>
    /// <param name="writer">The message writer, after the header.</param>
    /// <param name="signature">The body signature.</param>
    /// <param name="values">The values.</param>
    /// <exception cref="ArgumentException">The values do not fit the signature; the message names the type.</exception>
    public static void WriteBody(ref MessageWriter writer, string signature, IReadOnlyList<object> values)
    {
        IReadOnlyList<string> types = Signature.Split(signature);
        if (types.Count != values.Count)
        {
            throw new ArgumentException($"Signature '{signature}' has {types.Count} values; {values.Count} were given.", nameof(values));
        }

        for (int index = 0; index < types.Count; index++)
        {
            Write(ref writer, types[index], values[index]);
        }
    }

    /// <summary>Reads the whole body of a message as plain values.</summary>
    /// <param name="message">The message.</param>
    /// <returns>One value per complete type of its signature.</returns>
    public static object[] ReadBody(Message message)
    {
        string signature = message.SignatureAsString ?? string.Empty;
        IReadOnlyList<string> types = Signature.Split(signature);
        Reader reader = message.GetBodyReader();
        object[] values = new object[types.Count];
        for (int index = 0; index < values.Length; index++)
        {
            values[index] = Read(ref reader, types[index]);
        }

        return values;
    }

    private static void Write(ref MessageWriter writer, string type, object value)
    {
        try
        {
            WriteValue(ref writer, type, value);
        }
        catch (InvalidCastException exception)
        {
            throw new ArgumentException($"A {value?.GetType().Name ?? "null"} cannot be written as D-Bus type '{type}'.", nameof(value), exception);
        }
    }

    private static void WriteValue(ref MessageWriter writer, string type, object value)
    {
        switch (type[0])
        {
            case 'y': writer.WriteByte(Convert.ToByte(value, null)); break;
            case 'b': writer.WriteBool((bool)value); break;
            case 'n': writer.WriteInt16(Convert.ToInt16(value, null)); break;
            case 'q': writer.WriteUInt16(Convert.ToUInt16(value, null)); break;
            case 'i': writer.WriteInt32(Convert.ToInt32(value, null)); break;
            case 'u': writer.WriteUInt32(Convert.ToUInt32(value, null)); break;
            case 'x': writer.WriteInt64(Convert.ToInt64(value, null)); break;
            case 't': writer.WriteUInt64(Convert.ToUInt64(value, null)); break;
            case 'd': writer.WriteDouble(Convert.ToDouble(value, null)); break;
            case 's': writer.WriteString((string)value); break;
            case 'o': writer.WriteObjectPath(value is ObjectPath path ? path.Value : new ObjectPath((string)value).Value); break;
            case 'g': writer.WriteSignature(value is Signature signature ? signature.Value : new Signature((string)value).Value); break;
            case 'v':
                Variant variant = (Variant)value;
                writer.WriteSignature(variant.Signature.Value);
                Write(ref writer, variant.Signature.Value, variant.Value);
                break;
            case 'a' when type == "ay":
                writer.WriteArray(value is ReadOnlyMemory<byte> memory ? memory.ToArray() : (byte[])value);
                break;
            case 'a' when type[1] == '{':
                string keyType = type.Substring(2, 1);
                string valueType = type[3..^1];
                ArrayStart dictionary = writer.WriteDictionaryStart();
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    writer.WriteDictionaryEntryStart();
                    Write(ref writer, keyType, entry.Key);
                    Write(ref writer, valueType, entry.Value!);
                }

                writer.WriteDictionaryEnd(dictionary);
                break;
            case 'a':
                string elementType = type[1..];
                ArrayStart array = writer.WriteArrayStart(TypeOf(elementType[0]));
                foreach (object element in (IEnumerable)value)
                {
                    Write(ref writer, elementType, element);
                }

                writer.WriteArrayEnd(array);
                break;
            case '(':
                IReadOnlyList<string> fieldTypes = Signature.Split(type[1..^1]);
                IList fields = (IList)value;
                if (fields.Count != fieldTypes.Count)
                {
                    throw new ArgumentException($"Struct '{type}' has {fieldTypes.Count} fields; {fields.Count} were given.", nameof(value));
                }

                writer.WriteStructureStart();
                for (int index = 0; index < fieldTypes.Count; index++)
                {
                    Write(ref writer, fieldTypes[index], fields[index]!);
                }

                break;
            default:
                throw new ArgumentException($"'{type}' is not a D-Bus type this layer writes.", nameof(type));
        }
    }

    private static object Read(ref Reader reader, string type)
    {
        switch (type[0])
        {
            case 'y': return reader.ReadByte();
            case 'b': return reader.ReadBool();
            case 'n': return reader.ReadInt16();
            case 'q': return reader.ReadUInt16();
            case 'i': return reader.ReadInt32();
            case 'u': return reader.ReadUInt32();
            case 'x': return reader.ReadInt64();
            case 't': return reader.ReadUInt64();
            case 'd': return reader.ReadDouble();
            case 's': return reader.ReadString();
            case 'o': return new ObjectPath(reader.ReadObjectPathAsString());
            case 'g': return new Signature(reader.ReadSignatureAsString());
            case 'h': return reader.ReadHandleRaw();
            case 'v':
                Signature signature = new(reader.ReadSignatureAsString());
                return new Variant(signature, Read(ref reader, signature.Value));
            case 'a' when type == "ay":
                return reader.ReadArrayOfByte();
            case 'a' when type[1] == '{':
                string keyType = type.Substring(2, 1);
                string valueType = type[3..^1];
                Dictionary<object, object> dictionary = [];
                ArrayEnd dictionaryEnd = reader.ReadDictionaryStart();
                while (reader.HasNext(dictionaryEnd))
                {
                    object key = Read(ref reader, keyType);
                    dictionary[key] = Read(ref reader, valueType);
                }

                return dictionary;
            case 'a':
                string elementType = type[1..];
                List<object> elements = [];
                ArrayEnd arrayEnd = reader.ReadArrayStart(TypeOf(elementType[0]));
                while (reader.HasNext(arrayEnd))
                {
                    elements.Add(Read(ref reader, elementType));
                }

                return elements.ToArray();
            case '(':
                reader.AlignStruct();
                IReadOnlyList<string> fieldTypes = Signature.Split(type[1..^1]);
                object[] fields = new object[fieldTypes.Count];
                for (int index = 0; index < fields.Length; index++)
                {
                    fields[index] = Read(ref reader, fieldTypes[index]);
                }

                return fields;
            default:
                throw new DBusProtocolException($"'{type}' is not a D-Bus type this layer reads.");
        }
    }

    private static DBusType TypeOf(char code) => code switch
    {
        'y' => DBusType.Byte,
        'b' => DBusType.Bool,
        'n' => DBusType.Int16,
        'q' => DBusType.UInt16,
        'i' => DBusType.Int32,
        'u' => DBusType.UInt32,
        'x' => DBusType.Int64,
        't' => DBusType.UInt64,
        'd' => DBusType.Double,
        's' => DBusType.String,
        'o' => DBusType.ObjectPath,
        'g' => DBusType.Signature,
        'v' => DBusType.Variant,
        'h' => DBusType.UnixFd,
        'a' => DBusType.Array,
        '(' => DBusType.Struct,
        '{' => DBusType.DictEntry,
        _ => throw new ArgumentException($"'{code}' is not a D-Bus type code.", nameof(code)),
    };
}
