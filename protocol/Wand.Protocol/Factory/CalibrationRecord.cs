using Wand.Protocol.Codec;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;

namespace Wand.Protocol.Factory
{
    /// <summary>
    /// The per-unit calibration record (SR-16), the same bytes in storage and in the "calibration" characteristic,
    /// 22 bytes little-endian: version u8 (1), sustain mV u16, breakaway mV u16, kick mV u16, kick ms u8, level 1–5 mV
    /// u16 each, CRC-32 u32 (IEEE 802.3, see <see cref="Crc32"/>) over the 18 bytes before it.
    /// </summary>
    public sealed class CalibrationRecord
    {
        /// <summary>Length of the record, in bytes.</summary>
        public const int Length = 22;

        /// <summary>The record version this library writes and accepts.</summary>
        public const int CurrentVersion = 1;

        /// <summary>Number of user levels.</summary>
        public const int LevelCount = 5;

        /// <summary>Offset of the CRC-32, which covers every byte before it.</summary>
        public const int CrcOffset = 18;

        private readonly int[] _levelMillivolts = new int[LevelCount];

        /// <summary>Gets or sets the record version.</summary>
        public int Version { get; set; } = CurrentVersion;

        /// <summary>Gets or sets the lowest average voltage that keeps the spinning motor running, in millivolts.</summary>
        public int SustainMillivolts { get; set; }

        /// <summary>Gets or sets the lowest average voltage that starts the motor from standstill, in millivolts.</summary>
        public int BreakawayMillivolts { get; set; }

        /// <summary>Gets or sets the start-up kick voltage (SR-4: at most the ceiling), in millivolts, 500 to 3000.</summary>
        public int KickMillivolts { get; set; }

        /// <summary>Gets or sets the start-up kick length (SR-4: at most 50; 0 = no kick), in milliseconds.</summary>
        public int KickMilliseconds { get; set; }

        /// <summary>Gets the drive voltage of a level.</summary>
        /// <param name="level">1 to 5.</param>
        /// <returns>Average motor voltage, in millivolts.</returns>
        public int LevelMillivolts(int level)
        {
            return _levelMillivolts[level - 1];
        }

        /// <summary>Sets the drive voltage of a level.</summary>
        /// <param name="level">1 to 5.</param>
        /// <param name="millivolts">Average motor voltage, in millivolts.</param>
        public void SetLevelMillivolts(int level, int millivolts)
        {
            _levelMillivolts[level - 1] = millivolts;
        }

        /// <summary>Writes the record with its CRC-32. Fields are written as given, unchecked.</summary>
        /// <param name="buffer">Destination, at least 22 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written: 22.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)Version;
            LittleEndian.WriteUInt16(buffer, offset + 1, SustainMillivolts);
            LittleEndian.WriteUInt16(buffer, offset + 3, BreakawayMillivolts);
            LittleEndian.WriteUInt16(buffer, offset + 5, KickMillivolts);
            buffer[offset + 7] = (byte)KickMilliseconds;
            for (int level = 0; level < LevelCount; level++)
            {
                LittleEndian.WriteUInt16(buffer, offset + 8 + (level * 2), _levelMillivolts[level]);
            }

            LittleEndian.WriteUInt32(buffer, offset + CrcOffset, Crc32.Compute(buffer, offset, CrcOffset));
            return Length;
        }

        /// <summary>
        /// Validates and reads a record: length exactly 22 (0x0D); CRC-32 (0x84); version (0x85); every voltage at most
        /// 3000 mV (0x87); then (0x88) every voltage at least 500 mV, kick at most 50 ms, and sustain &lt; level 1 &lt;
        /// level 2 &lt; … &lt; level 5.
        /// </summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes.</param>
        /// <returns><see cref="AttError.Success"/>, or the error; this instance is unchanged on error.</returns>
        public AttError Decode(byte[] buffer, int offset, int length)
        {
            if (length != Length)
            {
                return AttError.InvalidAttributeValueLength;
            }

            if (Crc32.Compute(buffer, offset, CrcOffset) != LittleEndian.ReadUInt32(buffer, offset + CrcOffset))
            {
                return AttError.CrcMismatch;
            }

            if (buffer[offset] != CurrentVersion)
            {
                return AttError.RecordVersionUnsupported;
            }

            int sustain = LittleEndian.ReadUInt16(buffer, offset + 1);
            int breakaway = LittleEndian.ReadUInt16(buffer, offset + 3);
            int kick = LittleEndian.ReadUInt16(buffer, offset + 5);
            int kickMilliseconds = buffer[offset + 7];
            int ceiling = ValueRanges.MaximumDriveMillivolts;
            if (sustain > ceiling || breakaway > ceiling || kick > ceiling)
            {
                return AttError.DriveAboveCeiling;
            }

            for (int level = 0; level < LevelCount; level++)
            {
                if (LittleEndian.ReadUInt16(buffer, offset + 8 + (level * 2)) > ceiling)
                {
                    return AttError.DriveAboveCeiling;
                }
            }

            int floor = ValueRanges.MinimumCalibrationMillivolts;
            if (sustain < floor || breakaway < floor || kick < floor || kickMilliseconds > ValueRanges.MaximumKickMilliseconds)
            {
                return AttError.CalibrationOutOfRange;
            }

            int previous = sustain;
            for (int level = 0; level < LevelCount; level++)
            {
                int millivolts = LittleEndian.ReadUInt16(buffer, offset + 8 + (level * 2));
                if (millivolts <= previous)
                {
                    return AttError.CalibrationOutOfRange;
                }

                previous = millivolts;
            }

            Version = CurrentVersion;
            SustainMillivolts = sustain;
            BreakawayMillivolts = breakaway;
            KickMillivolts = kick;
            KickMilliseconds = kickMilliseconds;
            for (int level = 0; level < LevelCount; level++)
            {
                _levelMillivolts[level] = LittleEndian.ReadUInt16(buffer, offset + 8 + (level * 2));
            }
            return AttError.Success;
        }
    }
}
