using Wand.Core.Board;
using Wand.Protocol;

namespace Wand.Core.Calibration
{
    /// <summary>
    /// The stored and transferred byte layout of the calibration record (little-endian), documented in
    /// <c>protocol/PROFILE.md</c>: version u8, sustain mV u16, breakaway mV u16, kick mV u16, kick ms u8,
    /// level 1…5 mV u16 each, CRC-32 (IEEE 802.3) u32 over all preceding bytes. 22 bytes.
    /// </summary>
    public static class CalibrationRecordCodec
    {
        /// <summary>Encoded length, in bytes.</summary>
        public const int EncodedLength = 1 + 2 + 2 + 2 + 1 + (2 * SafetyLimits.LevelCount) + 4;

        /// <summary>Largest record the store reads, in bytes.</summary>
        public const int MaximumStoredLength = 64;

        /// <summary>Encodes a record.</summary>
        /// <param name="record">The record.</param>
        /// <param name="destination">Destination buffer with at least <see cref="EncodedLength"/> bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Where to start writing.</param>
        /// <returns>Bytes written, <see cref="EncodedLength"/>.</returns>
        public static int Encode(CalibrationRecord record, byte[] destination, int offset)
        {
            int position = offset;
            destination[position++] = record.Version;
            position = WriteUInt16(destination, position, record.SustainMillivolts);
            position = WriteUInt16(destination, position, record.BreakawayMillivolts);
            position = WriteUInt16(destination, position, record.KickMillivolts);
            destination[position++] = (byte)record.KickMilliseconds;
            for (int index = 0; index < SafetyLimits.LevelCount; index++)
            {
                position = WriteUInt16(destination, position, record.LevelMillivolts[index]);
            }

            uint crc = Crc32.Compute(destination, offset, position - offset);
            destination[position++] = (byte)crc;
            destination[position++] = (byte)(crc >> 8);
            destination[position++] = (byte)(crc >> 16);
            destination[position++] = (byte)(crc >> 24);
            return position - offset;
        }

        /// <summary>Decodes a record, checking its length and CRC (not its limits: see <see cref="CalibrationRecord.IsValidFor"/>).</summary>
        /// <param name="source">Source buffer.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes available; must equal <see cref="EncodedLength"/>.</param>
        /// <param name="record">Receives the values; unchanged when decoding fails.</param>
        /// <returns><c>true</c> when the length and CRC are right.</returns>
        public static bool TryDecode(byte[] source, int offset, int length, CalibrationRecord record)
        {
            if (length != EncodedLength || source.Length < offset + length)
            {
                return false;
            }

            int crcOffset = offset + EncodedLength - 4;
            uint stored = source[crcOffset] | ((uint)source[crcOffset + 1] << 8) | ((uint)source[crcOffset + 2] << 16) | ((uint)source[crcOffset + 3] << 24);
            if (Crc32.Compute(source, offset, EncodedLength - 4) != stored)
            {
                return false;
            }

            int position = offset;
            record.Version = source[position++];
            record.SustainMillivolts = ReadUInt16(source, position);
            position += 2;
            record.BreakawayMillivolts = ReadUInt16(source, position);
            position += 2;
            record.KickMillivolts = ReadUInt16(source, position);
            position += 2;
            record.KickMilliseconds = source[position++];
            for (int index = 0; index < SafetyLimits.LevelCount; index++)
            {
                record.LevelMillivolts[index] = ReadUInt16(source, position);
                position += 2;
            }

            return true;
        }

        /// <summary>Compares every value of two records.</summary>
        /// <param name="first">One record.</param>
        /// <param name="second">The other record.</param>
        /// <returns><c>true</c> when all values are equal.</returns>
        public static bool SameValues(CalibrationRecord first, CalibrationRecord second)
        {
            if (first.Version != second.Version || first.SustainMillivolts != second.SustainMillivolts
                || first.BreakawayMillivolts != second.BreakawayMillivolts || first.KickMillivolts != second.KickMillivolts
                || first.KickMilliseconds != second.KickMilliseconds)
            {
                return false;
            }

            for (int index = 0; index < SafetyLimits.LevelCount; index++)
            {
                if (first.LevelMillivolts[index] != second.LevelMillivolts[index])
                {
                    return false;
                }
            }

            return true;
        }

        private static int WriteUInt16(byte[] destination, int position, int value)
        {
            destination[position] = (byte)value;
            destination[position + 1] = (byte)(value >> 8);
            return position + 2;
        }

        private static int ReadUInt16(byte[] source, int position)
        {
            return source[position] | (source[position + 1] << 8);
        }
    }
}
