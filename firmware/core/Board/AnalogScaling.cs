namespace Wand.Core.Board
{
    /// <summary>
    /// Conversion between raw ESP32 ADC counts and millivolts. The ESP32's 12-bit SAR ADC at 12 dB attenuation has a
    /// nominal full scale of about 3100 mV with about ±60 mV error uncalibrated (ESP-IDF ADC documentation, quoted in
    /// <c>hardware/head-id.md</c>); nanoFramework returns raw counts without calibration.
    /// </summary>
    public static class AnalogScaling
    {
        /// <summary>Largest raw reading of the 12-bit ADC, in counts.</summary>
        public const int MaximumCounts = 4095;

        /// <summary>Nominal input voltage at <see cref="MaximumCounts"/>, in millivolts.</summary>
        public const int FullScaleMillivolts = 3100;

        /// <summary>The 3.3 V rail that feeds the head-ID and NTC dividers, in millivolts.</summary>
        public const int RailMillivolts = 3300;

        /// <summary>Converts raw counts to millivolts at the ADC pin.</summary>
        /// <param name="counts">Raw counts, 0 to 4095.</param>
        /// <returns>Millivolts, 0 to 3100.</returns>
        public static int CountsToMillivolts(int counts)
        {
            return (int)(((long)counts * FullScaleMillivolts + (MaximumCounts / 2)) / MaximumCounts);
        }

        /// <summary>Converts millivolts at the ADC pin to the nominal raw reading, saturating at full scale.</summary>
        /// <param name="millivolts">Input voltage, in millivolts; negative values read 0.</param>
        /// <returns>Raw counts, 0 to 4095.</returns>
        public static int MillivoltsToCounts(int millivolts)
        {
            if (millivolts <= 0)
            {
                return 0;
            }

            long counts = (((long)millivolts * MaximumCounts) + (FullScaleMillivolts / 2)) / FullScaleMillivolts;
            return counts > MaximumCounts ? MaximumCounts : (int)counts;
        }
    }
}
