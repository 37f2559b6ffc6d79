using Wand.Protocol.Codec;
using Wand.Protocol.Profile;

namespace Wand.Protocol.Messages
{
    /// <summary>
    /// The protocol-version value (characteristic "protocol-version", read), 6 bytes: major u8, minor u8, feature bits
    /// u32. A major change breaks clients; a minor change only adds (opcodes, characteristics, bytes appended to
    /// read and notified values, feature bits).
    /// </summary>
    public sealed class ProtocolVersion
    {
        /// <summary>Length of the value, in bytes.</summary>
        public const int Length = 6;

        /// <summary>The major version this library speaks.</summary>
        public const int CurrentMajor = 1;

        /// <summary>The minor version this library speaks.</summary>
        public const int CurrentMinor = 1;

        /// <summary>Gets or sets the major version, 0 to 255.</summary>
        public int Major { get; set; }

        /// <summary>Gets or sets the minor version, 0 to 255.</summary>
        public int Minor { get; set; }

        /// <summary>Gets or sets the feature bits.</summary>
        public ProtocolFeatures Features { get; set; }

        /// <summary>Writes the value.</summary>
        /// <param name="buffer">Destination, at least 6 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written: 6.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)Major;
            buffer[offset + 1] = (byte)Minor;
            LittleEndian.WriteUInt32(buffer, offset + 2, (uint)Features);
            return Length;
        }

        /// <summary>Reads the value; longer values are accepted and the extra bytes ignored.</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes received.</param>
        /// <returns><see cref="AttError.Success"/>, or <see cref="AttError.InvalidAttributeValueLength"/> when shorter than 6.</returns>
        public AttError Decode(byte[] buffer, int offset, int length)
        {
            if (length < Length)
            {
                return AttError.InvalidAttributeValueLength;
            }

            Major = buffer[offset];
            Minor = buffer[offset + 1];
            Features = (ProtocolFeatures)LittleEndian.ReadUInt32(buffer, offset + 2);
            return AttError.Success;
        }

        /// <summary>Tells whether a client of this library can talk to a device reporting this version.</summary>
        /// <returns><c>true</c> when the major versions are equal.</returns>
        public bool IsCompatible()
        {
            return Major == CurrentMajor;
        }
    }
}
