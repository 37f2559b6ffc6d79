using Wand.Protocol.Codec;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;

namespace Wand.Protocol.Factory
{
    /// <summary>
    /// A raw-drive write (characteristic "raw-drive", factory mode only), 4 bytes: average motor voltage u16 mV
    /// (0–3000; 0 stops) and duration u16 ms (1–10000). The device still applies the governor's ceiling and ramps (SR-15).
    /// </summary>
    public sealed class RawDriveCommand
    {
        /// <summary>Length of the value, in bytes.</summary>
        public const int Length = 4;

        /// <summary>Gets or sets the average motor voltage, in millivolts, 0 to 3000.</summary>
        public int Millivolts { get; set; }

        /// <summary>Gets or sets how long to drive, in milliseconds, 1 to 10000.</summary>
        public int DurationMilliseconds { get; set; }

        /// <summary>Writes the value, unchecked.</summary>
        /// <param name="buffer">Destination, at least 4 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written: 4.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            LittleEndian.WriteUInt16(buffer, offset, Millivolts);
            LittleEndian.WriteUInt16(buffer, offset + 2, DurationMilliseconds);
            return Length;
        }

        /// <summary>Validates and reads a write: length exactly 4 (0x0D), voltage (0x87), duration (0x82).</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes written.</param>
        /// <returns><see cref="AttError.Success"/>, or the error; this instance is unchanged on error.</returns>
        public AttError Decode(byte[] buffer, int offset, int length)
        {
            if (length != Length)
            {
                return AttError.InvalidAttributeValueLength;
            }

            int millivolts = LittleEndian.ReadUInt16(buffer, offset);
            int duration = LittleEndian.ReadUInt16(buffer, offset + 2);
            if (millivolts > ValueRanges.MaximumDriveMillivolts)
            {
                return AttError.DriveAboveCeiling;
            }

            if (duration < ValueRanges.MinimumRawDriveMilliseconds || duration > ValueRanges.MaximumRawDriveMilliseconds)
            {
                return AttError.DurationOutOfRange;
            }

            Millivolts = millivolts;
            DurationMilliseconds = duration;
            return AttError.Success;
        }
    }
}
