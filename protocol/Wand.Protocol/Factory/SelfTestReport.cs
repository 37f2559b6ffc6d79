using Wand.Protocol.Codec;
using Wand.Protocol.Profile;

namespace Wand.Protocol.Factory
{
    /// <summary>
    /// The self-test characteristic ("self-test", factory mode only). Write 1 byte, <see cref="StartCommand"/>, to start;
    /// read or be notified of 5 bytes: state u8, checks run u16 mask, checks failed u16 mask
    /// (<see cref="SelfTestChecks"/>). The result is notified once when the test ends.
    /// </summary>
    public sealed class SelfTestReport
    {
        /// <summary>Length of the value, in bytes.</summary>
        public const int Length = 5;

        /// <summary>Length of the start write, in bytes.</summary>
        public const int CommandLength = 1;

        /// <summary>The start command byte.</summary>
        public const byte StartCommand = 0x01;

        /// <summary>Gets or sets the state.</summary>
        public SelfTestState State { get; set; }

        /// <summary>Gets or sets the checks that ran.</summary>
        public SelfTestChecks ChecksRun { get; set; }

        /// <summary>Gets or sets the checks that failed.</summary>
        public SelfTestChecks ChecksFailed { get; set; }

        /// <summary>Validates a start write: exactly 1 byte (0x0D) equal to 0x01 (0x13).</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the byte.</param>
        /// <param name="length">Number of bytes written.</param>
        /// <returns><see cref="AttError.Success"/>, or the error to send.</returns>
        public static AttError DecodeCommand(byte[] buffer, int offset, int length)
        {
            if (length != CommandLength)
            {
                return AttError.InvalidAttributeValueLength;
            }

            return buffer[offset] == StartCommand ? AttError.Success : AttError.ValueNotAllowed;
        }

        /// <summary>Writes the value.</summary>
        /// <param name="buffer">Destination, at least 5 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written: 5.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)State;
            LittleEndian.WriteUInt16(buffer, offset + 1, (int)ChecksRun);
            LittleEndian.WriteUInt16(buffer, offset + 3, (int)ChecksFailed);
            return Length;
        }

        /// <summary>Reads the value; longer values are accepted and the extra bytes ignored.</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes received.</param>
        /// <returns><see cref="AttError.Success"/>, or <see cref="AttError.InvalidAttributeValueLength"/> when shorter than 5.</returns>
        public AttError Decode(byte[] buffer, int offset, int length)
        {
            if (length < Length)
            {
                return AttError.InvalidAttributeValueLength;
            }

            State = (SelfTestState)buffer[offset];
            ChecksRun = (SelfTestChecks)LittleEndian.ReadUInt16(buffer, offset + 1);
            ChecksFailed = (SelfTestChecks)LittleEndian.ReadUInt16(buffer, offset + 3);
            return AttError.Success;
        }
    }
}
