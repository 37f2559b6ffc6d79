using Wand.Core.Board;
using Wand.Protocol.Factory;

namespace Wand.Core.Calibration
{
    /// <summary>
    /// Applies the per-unit sensor calibration (SR-18) to raw ADC readings: c' = c × gain + offset per channel, the
    /// reading a board with nominal parts and an ideal ADC would give. Saturated readings stay saturated (0 and 4095 keep
    /// meaning short and open). Without a valid calibration the correction is the identity and <see cref="IsCalibrated"/>
    /// is <c>false</c>. Allocates nothing per reading.
    /// </summary>
    public sealed class SensorCorrection
    {
        private readonly SensorCalibrationRecord record = new SensorCalibrationRecord();
        private bool calibrated;

        /// <summary>Gets a value indicating whether a valid stored sensor calibration is in use.</summary>
        public bool IsCalibrated => calibrated;

        /// <summary>Gets the correction in use (owned by this instance; do not modify).</summary>
        public SensorCalibrationRecord Record => record;

        /// <summary>Puts a checked record in force.</summary>
        /// <param name="source">A record that decoded without error.</param>
        public void Load(SensorCalibrationRecord source)
        {
            source.CopyTo(record);
            calibrated = true;
        }

        /// <summary>Returns to the identity correction (no calibration).</summary>
        public void Clear()
        {
            SensorCalibrationRecord identity = record;
            for (int channel = 0; channel < SensorCalibrationRecord.ChannelCount; channel++)
            {
                identity.SetChannel(channel, SensorCalibrationRecord.UnityGainMicros, 0);
            }

            calibrated = false;
        }

        /// <summary>Corrects one raw reading.</summary>
        /// <param name="channel">Channel index (<see cref="SensorCalibrationRecord.HeadIdChannel"/> and so on).</param>
        /// <param name="counts">Raw counts, 0 to 4095.</param>
        /// <returns>Corrected counts, 0 to 4095; 0 and 4095 are returned unchanged.</returns>
        public int Correct(int channel, int counts)
        {
            if (counts <= 0 || counts >= AnalogScaling.MaximumCounts)
            {
                return counts <= 0 ? 0 : AnalogScaling.MaximumCounts;
            }

            // Rounded half up; a negative result is clamped to 0 below, so how it rounds does not matter (integer
            // division truncates towards zero: any sum at or below 0 gives a quotient at or below 0).
            long scaled = ((long)counts * record.GainMicros(channel)) + ((long)record.OffsetMilliCounts(channel) * 1000L);
            long corrected = (scaled + 500000L) / 1000000L;
            if (corrected < 0)
            {
                return 0;
            }

            return corrected > AnalogScaling.MaximumCounts ? AnalogScaling.MaximumCounts : (int)corrected;
        }
    }
}
