using Wand.Protocol.Codec;
using Wand.Protocol.Profile;

namespace Wand.Protocol.Factory
{
    /// <summary>
    /// The raw-sensors value (characteristic "raw-sensors", factory mode only, read), 12 bytes: head-ID counts u16,
    /// NTC counts u16, battery counts u16 (12-bit ADC, 0–4095), battery mV u16, head temperature s16 centi-°C,
    /// present duty u16 in 1/10000 (0–10000).
    /// </summary>
    public sealed class RawSensorReadings
    {
        /// <summary>Length of the value, in bytes.</summary>
        public const int Length = 12;

        /// <summary>Gets or sets the head-ID divider reading, in ADC counts.</summary>
        public int HeadIdCounts { get; set; }

        /// <summary>Gets or sets the head NTC divider reading, in ADC counts.</summary>
        public int ThermistorCounts { get; set; }

        /// <summary>Gets or sets the battery divider reading, in ADC counts.</summary>
        public int BatteryCounts { get; set; }

        /// <summary>Gets or sets the battery voltage, in millivolts.</summary>
        public int BatteryMillivolts { get; set; }

        /// <summary>Gets or sets the head temperature, in centi-°C.</summary>
        public int HeadTemperatureCentidegrees { get; set; }

        /// <summary>Gets or sets the present PWM duty, in 1/10000 (0 to 10000).</summary>
        public int DutyTenThousandths { get; set; }

        /// <summary>Writes the value.</summary>
        /// <param name="buffer">Destination, at least 12 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written: 12.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            LittleEndian.WriteUInt16(buffer, offset, HeadIdCounts);
            LittleEndian.WriteUInt16(buffer, offset + 2, ThermistorCounts);
            LittleEndian.WriteUInt16(buffer, offset + 4, BatteryCounts);
            LittleEndian.WriteUInt16(buffer, offset + 6, BatteryMillivolts);
            LittleEndian.WriteInt16(buffer, offset + 8, HeadTemperatureCentidegrees);
            LittleEndian.WriteUInt16(buffer, offset + 10, DutyTenThousandths);
            return Length;
        }

        /// <summary>Reads the value; longer values are accepted and the extra bytes ignored.</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes received.</param>
        /// <returns><see cref="AttError.Success"/>, or <see cref="AttError.InvalidAttributeValueLength"/> when shorter than 12.</returns>
        public AttError Decode(byte[] buffer, int offset, int length)
        {
            if (length < Length)
            {
                return AttError.InvalidAttributeValueLength;
            }

            HeadIdCounts = LittleEndian.ReadUInt16(buffer, offset);
            ThermistorCounts = LittleEndian.ReadUInt16(buffer, offset + 2);
            BatteryCounts = LittleEndian.ReadUInt16(buffer, offset + 4);
            BatteryMillivolts = LittleEndian.ReadUInt16(buffer, offset + 6);
            HeadTemperatureCentidegrees = LittleEndian.ReadInt16(buffer, offset + 8);
            DutyTenThousandths = LittleEndian.ReadUInt16(buffer, offset + 10);
            return AttError.Success;
        }
    }
}
