using Wand.Protocol.Codec;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Protocol.Messages
{
    /// <summary>
    /// The notification that follows every control-point command the device carried out (4 bytes): opcode u8, result u8
    /// (<see cref="CommandResult"/>, 0), detail u16 (the highest level allowed now). Refused commands get an ATT error
    /// (0x90 + result) instead; see PROFILE.md §6.1.
    /// </summary>
    public sealed class ControlPointResponse
    {
        /// <summary>Length of the notification, in bytes.</summary>
        public const int Length = 4;

        /// <summary>Gets or sets the opcode answered.</summary>
        public ControlPointOpcode Opcode { get; set; }

        /// <summary>Gets or sets the outcome.</summary>
        public CommandResult Result { get; set; }

        /// <summary>Gets or sets the detail: the highest level allowed now, 0 to 5 (u16 on the wire).</summary>
        public int Detail { get; set; }

        /// <summary>Sets all fields.</summary>
        /// <param name="opcode">The opcode answered.</param>
        /// <param name="result">The outcome.</param>
        /// <param name="detail">The detail, 0 to 65535.</param>
        public void Set(ControlPointOpcode opcode, CommandResult result, int detail)
        {
            Opcode = opcode;
            Result = result;
            Detail = detail;
        }

        /// <summary>Writes the notification.</summary>
        /// <param name="buffer">Destination, at least 4 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written: 4.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)Opcode;
            buffer[offset + 1] = (byte)Result;
            LittleEndian.WriteUInt16(buffer, offset + 2, Detail);
            return Length;
        }

        /// <summary>Reads a notification; longer values (a later minor version) are accepted and the extra bytes ignored.</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes received.</param>
        /// <returns><see cref="AttError.Success"/>, or <see cref="AttError.InvalidAttributeValueLength"/> when shorter than 4.</returns>
        public AttError Decode(byte[] buffer, int offset, int length)
        {
            if (length < Length)
            {
                return AttError.InvalidAttributeValueLength;
            }

            Opcode = (ControlPointOpcode)buffer[offset];
            Result = (CommandResult)buffer[offset + 1];
            Detail = LittleEndian.ReadUInt16(buffer, offset + 2);
            return AttError.Success;
        }
    }
}
