using Wand.Protocol.Codec;

namespace Wand.Protocol.Profile
{
    /// <summary>
    /// A Characteristic Presentation Format descriptor (0x2904; Bluetooth Core Vol 3 Part G §3.3.3.5): 7 bytes,
    /// format u8, exponent s8, unit u16, namespace u8, description u16, little-endian.
    /// </summary>
    public sealed class PresentationFormat
    {
        /// <summary>Length of the encoded descriptor, in bytes.</summary>
        public const int EncodedLength = 7;

        /// <summary>Format code of an unsigned 8-bit integer.</summary>
        public const byte FormatUInt8 = 0x04;

        /// <summary>Unit code "percentage" (Assigned Numbers, 0x27AD).</summary>
        public const ushort UnitPercentage = 0x27AD;

        /// <summary>Name space "Bluetooth SIG Assigned Numbers".</summary>
        public const byte NamespaceBluetoothSig = 0x01;

        /// <summary>Description "unknown" in the SIG name space.</summary>
        public const ushort DescriptionUnknown = 0x0000;

        /// <summary>Initializes a new instance of the <see cref="PresentationFormat"/> class.</summary>
        /// <param name="format">Format code (for example 0x04, uint8).</param>
        /// <param name="exponent">Decimal exponent: the value is multiplied by 10^exponent.</param>
        /// <param name="unit">Unit code from the SIG Assigned Numbers (0x27xx).</param>
        /// <param name="nameSpace">Name space of <paramref name="description"/>.</param>
        /// <param name="description">Description code.</param>
        public PresentationFormat(byte format, sbyte exponent, ushort unit, byte nameSpace, ushort description)
        {
            Format = format;
            Exponent = exponent;
            Unit = unit;
            NameSpace = nameSpace;
            Description = description;
        }

        /// <summary>Gets the format code.</summary>
        public byte Format { get; }

        /// <summary>Gets the decimal exponent.</summary>
        public sbyte Exponent { get; }

        /// <summary>Gets the unit code.</summary>
        public ushort Unit { get; }

        /// <summary>Gets the name space of the description.</summary>
        public byte NameSpace { get; }

        /// <summary>Gets the description code.</summary>
        public ushort Description { get; }

        /// <summary>Writes the 7-byte descriptor value.</summary>
        /// <param name="buffer">Destination, at least 7 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written: 7.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            buffer[offset] = Format;
            buffer[offset + 1] = (byte)Exponent;
            LittleEndian.WriteUInt16(buffer, offset + 2, Unit);
            buffer[offset + 4] = NameSpace;
            LittleEndian.WriteUInt16(buffer, offset + 5, Description);
            return EncodedLength;
        }
    }
}
