using Wand.Protocol.Codec;
using Wand.Protocol.Profile;

namespace Wand.Protocol.Factory
{
    /// <summary>
    /// The per-unit sensor calibration (SR-18), the same bytes in storage and in the "sensor-calibration"
    /// characteristic, 29 bytes little-endian: version u8 (1), then for each channel in the order head-ID, NTC, battery:
    /// gain s32 in millionths and offset s32 in thousandths of an ADC count; then CRC-32 u32 (IEEE 802.3, see
    /// <see cref="Crc32"/>) over the 25 bytes before it. The firmware corrects a raw reading c to
    /// c × gain + offset, the reading a board with nominal parts and an ideal ADC would give.
    /// </summary>
    public sealed class SensorCalibrationRecord
    {
        /// <summary>Length of the record, in bytes.</summary>
        public const int Length = 29;

        /// <summary>The record version this library writes and accepts.</summary>
        public const int CurrentVersion = 1;

        /// <summary>Number of corrected channels.</summary>
        public const int ChannelCount = 3;

        /// <summary>Channel index of the head-ID divider.</summary>
        public const int HeadIdChannel = 0;

        /// <summary>Channel index of the head NTC divider.</summary>
        public const int ThermistorChannel = 1;

        /// <summary>Channel index of the battery divider.</summary>
        public const int BatteryChannel = 2;

        /// <summary>Gain of an uncorrected channel, in millionths.</summary>
        public const int UnityGainMicros = 1000000;

        /// <summary>
        /// Smallest accepted gain, in millionths (0.88). The uncertainty budget (hardware/limits.md) bounds the gain a
        /// unit whose parts are within tolerance needs: ADC gain 1/(1 ± 9.09 %), rail ±2 %, pull-up or divider ±1 %, and
        /// the slope of the ADC's non-linearity between the two calibration points; worst case 0.895 to 1.128 over all
        /// three channels. A record outside is refused, so a wrong record moves no limit further than the budget allows.
        /// </summary>
        public const int MinimumGainMicros = 880000;

        /// <summary>Largest accepted gain, in millionths (1.14; see <see cref="MinimumGainMicros"/>).</summary>
        public const int MaximumGainMicros = 1140000;

        /// <summary>
        /// Largest accepted offset magnitude, in thousandths of a count (100 counts, about 76 mV): the budget's ADC offset
        /// (±50 mV) and its non-linearity extrapolated from the calibration points to zero (at most ±15 mV), times the
        /// largest gain; worst case 94 counts.
        /// </summary>
        public const int MaximumOffsetMilliCounts = 100000;

        /// <summary>Offset of the CRC-32, which covers every byte before it.</summary>
        public const int CrcOffset = 25;

        private readonly int[] _gainMicros = new int[ChannelCount];
        private readonly int[] _offsetMilliCounts = new int[ChannelCount];

        /// <summary>Initializes a new instance of the <see cref="SensorCalibrationRecord"/> class: unity gain, no offset.</summary>
        public SensorCalibrationRecord()
        {
            for (int channel = 0; channel < ChannelCount; channel++)
            {
                _gainMicros[channel] = UnityGainMicros;
            }
        }

        /// <summary>Gets or sets the record version.</summary>
        public int Version { get; set; } = CurrentVersion;

        /// <summary>Gets a channel's gain.</summary>
        /// <param name="channel">0 to 2 (<see cref="HeadIdChannel"/>, <see cref="ThermistorChannel"/>, <see cref="BatteryChannel"/>).</param>
        /// <returns>Gain, in millionths.</returns>
        public int GainMicros(int channel)
        {
            return _gainMicros[channel];
        }

        /// <summary>Gets a channel's offset.</summary>
        /// <param name="channel">0 to 2.</param>
        /// <returns>Offset, in thousandths of an ADC count.</returns>
        public int OffsetMilliCounts(int channel)
        {
            return _offsetMilliCounts[channel];
        }

        /// <summary>Sets a channel's correction.</summary>
        /// <param name="channel">0 to 2.</param>
        /// <param name="gainMicros">Gain, in millionths.</param>
        /// <param name="offsetMilliCounts">Offset, in thousandths of an ADC count.</param>
        public void SetChannel(int channel, int gainMicros, int offsetMilliCounts)
        {
            _gainMicros[channel] = gainMicros;
            _offsetMilliCounts[channel] = offsetMilliCounts;
        }

        /// <summary>Copies every value to another record.</summary>
        /// <param name="destination">The record to overwrite.</param>
        public void CopyTo(SensorCalibrationRecord destination)
        {
            destination.Version = Version;
            for (int channel = 0; channel < ChannelCount; channel++)
            {
                destination.SetChannel(channel, _gainMicros[channel], _offsetMilliCounts[channel]);
            }
        }

        /// <summary>Compares every value with another record.</summary>
        /// <param name="other">The other record.</param>
        /// <returns><c>true</c> when all values are equal.</returns>
        public bool SameValues(SensorCalibrationRecord other)
        {
            if (other.Version != Version)
            {
                return false;
            }

            for (int channel = 0; channel < ChannelCount; channel++)
            {
                if (other.GainMicros(channel) != _gainMicros[channel] || other.OffsetMilliCounts(channel) != _offsetMilliCounts[channel])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Writes the record with its CRC-32. Fields are written as given, unchecked.</summary>
        /// <param name="buffer">Destination, at least 29 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written: 29.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)Version;
            for (int channel = 0; channel < ChannelCount; channel++)
            {
                LittleEndian.WriteUInt32(buffer, offset + 1 + (channel * 8), unchecked((uint)_gainMicros[channel]));
                LittleEndian.WriteUInt32(buffer, offset + 5 + (channel * 8), unchecked((uint)_offsetMilliCounts[channel]));
            }

            LittleEndian.WriteUInt32(buffer, offset + CrcOffset, Crc32.Compute(buffer, offset, CrcOffset));
            return Length;
        }

        /// <summary>
        /// Validates and reads a record: length exactly 29 (0x0D); CRC-32 (0x84); version (0x85); every gain 0.80 to 1.20
        /// and every offset within ±300 counts (0x88).
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

            for (int channel = 0; channel < ChannelCount; channel++)
            {
                int gain = unchecked((int)LittleEndian.ReadUInt32(buffer, offset + 1 + (channel * 8)));
                int offsetCounts = unchecked((int)LittleEndian.ReadUInt32(buffer, offset + 5 + (channel * 8)));
                if (gain < MinimumGainMicros || gain > MaximumGainMicros
                    || offsetCounts < -MaximumOffsetMilliCounts || offsetCounts > MaximumOffsetMilliCounts)
                {
                    return AttError.CalibrationOutOfRange;
                }
            }

            Version = buffer[offset];
            for (int channel = 0; channel < ChannelCount; channel++)
            {
                _gainMicros[channel] = unchecked((int)LittleEndian.ReadUInt32(buffer, offset + 1 + (channel * 8)));
                _offsetMilliCounts[channel] = unchecked((int)LittleEndian.ReadUInt32(buffer, offset + 5 + (channel * 8)));
            }

            return AttError.Success;
        }
    }
}
