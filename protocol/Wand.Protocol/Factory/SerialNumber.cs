using Wand.Protocol.Codec;
using Wand.Protocol.Profile;

namespace Wand.Protocol.Factory
{
    /// <summary>
    /// The unit serial number (characteristic "factory-serial", factory mode only; also served read-only as Device
    /// Information 0x2A25): 1 to 16 ASCII characters from A–Z, 0–9 and '-', no terminator. Reads return 0 bytes
    /// while the unit is not provisioned.
    /// </summary>
    public sealed class SerialNumber
    {
        /// <summary>Shortest serial number written, in characters.</summary>
        public const int MinimumLength = 1;

        /// <summary>Longest serial number, in characters.</summary>
        public const int MaximumLength = 16;

        private readonly byte[] _characters = new byte[MaximumLength];

        /// <summary>Gets the number of characters held, 0 (not provisioned) to 16.</summary>
        public int Length { get; private set; }

        /// <summary>Tells whether a byte is allowed in a serial number.</summary>
        /// <param name="value">The byte.</param>
        /// <returns><c>true</c> for 'A'–'Z', '0'–'9' and '-'.</returns>
        public static bool IsAllowed(byte value)
        {
            return (value >= (byte)'A' && value <= (byte)'Z') || (value >= (byte)'0' && value <= (byte)'9') || value == (byte)'-';
        }

        /// <summary>Sets the serial number from a string, unchecked (longer text is truncated to 16). Does not allocate.</summary>
        /// <param name="text">The serial number; <c>null</c> clears it.</param>
        public void Set(string text)
        {
            Length = AsciiText.Encode(text, _characters, 0, MaximumLength);
        }

        /// <summary>Gets the serial number as a string. Allocates; meant for host code and tests.</summary>
        /// <returns>The serial number, empty when not provisioned.</returns>
        public override string ToString()
        {
            return AsciiText.Decode(_characters, 0, Length);
        }

        /// <summary>Writes the serial number.</summary>
        /// <param name="buffer">Destination, at least 16 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written, 0 to 16.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            System.Array.Copy(_characters, 0, buffer, offset, Length);
            return Length;
        }

        /// <summary>Validates and reads a written serial number: length 1 to 16 (0x0D), characters (0x86).</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes written.</param>
        /// <returns><see cref="AttError.Success"/>, or the error; this instance is unchanged on error.</returns>
        public AttError Decode(byte[] buffer, int offset, int length)
        {
            if (length < MinimumLength || length > MaximumLength)
            {
                return AttError.InvalidAttributeValueLength;
            }

            for (int index = offset; index < offset + length; index++)
            {
                if (!IsAllowed(buffer[index]))
                {
                    return AttError.SerialNumberInvalid;
                }
            }

            System.Array.Copy(buffer, offset, _characters, 0, length);
            Length = length;
            return AttError.Success;
        }
    }
}
