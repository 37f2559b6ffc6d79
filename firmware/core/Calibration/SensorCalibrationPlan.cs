using Wand.Core.Board;
using Wand.Protocol.Factory;

namespace Wand.Core.Calibration
{
    /// <summary>
    /// The station's sensor calibration (SR-18) as arithmetic shared by the station and the virtual factory: the fixture
    /// points, the reading a board with nominal parts and an exact ADC gives at each, and the two-point fit of gain and
    /// offset. The NTC is replaced by precision resistors at the 25 °C and 41 °C equivalents (41 °C is the trip point, so
    /// the trip is judged where the fit is exact); the battery input is fed from the station supply at 3.40 V (the cut-off)
    /// and 4.10 V; the head-ID line gets the soft-dome and bristle-brush resistors.
    /// </summary>
    public static class SensorCalibrationPlan
    {
        /// <summary>First NTC substitute: R25 of the nominal NTC (25 °C), in ohms.</summary>
        public const int ThermistorLowOhms = 10000;

        /// <summary>Second NTC substitute: the nominal NTC at 41 °C (10 kΩ, B 3950 K: 5.09 kΩ; E192 5.11 kΩ 0.1 %), in ohms.</summary>
        public const int ThermistorHighOhms = 5110;

        /// <summary>First supply voltage, the battery cut-off, in millivolts.</summary>
        public const int BatteryLowMillivolts = 3400;

        /// <summary>Second supply voltage, in millivolts.</summary>
        public const int BatteryHighMillivolts = 4100;

        /// <summary>First head-ID resistor (soft dome, 2.49 kΩ), in ohms.</summary>
        public const int HeadLowOhms = 2490;

        /// <summary>Second head-ID resistor (bristle brush, 15.0 kΩ), in ohms.</summary>
        public const int HeadHighOhms = 15000;

        /// <summary>Nominal reading of a resistor from an ADC pin to ground under a pull-up from the 3.3 V rail.</summary>
        /// <param name="ohms">Resistor to ground, in ohms.</param>
        /// <param name="pullUpOhms">Pull-up, in ohms.</param>
        /// <returns>Counts, fractional.</returns>
        public static double NominalDividerCounts(double ohms, double pullUpOhms)
        {
            double millivolts = AnalogScaling.RailMillivolts * ohms / (ohms + pullUpOhms);
            return millivolts * AnalogScaling.MaximumCounts / AnalogScaling.FullScaleMillivolts;
        }

        /// <summary>Nominal reading of a cell voltage through the board's battery divider.</summary>
        /// <param name="cellMillivolts">Cell or supply voltage, in millivolts.</param>
        /// <param name="dividerPerMille">The profile's divider ratio, in parts per thousand.</param>
        /// <returns>Counts, fractional.</returns>
        public static double NominalBatteryCounts(double cellMillivolts, int dividerPerMille)
        {
            return cellMillivolts * dividerPerMille / 1000.0 * AnalogScaling.MaximumCounts / AnalogScaling.FullScaleMillivolts;
        }

        /// <summary>
        /// Fits one channel through two points: the correction c' = gain × c + offset maps each raw reading to its nominal
        /// reading.
        /// </summary>
        /// <param name="record">The record to fill.</param>
        /// <param name="channel">Channel index.</param>
        /// <param name="rawLow">Mean raw reading at the first point, in counts.</param>
        /// <param name="nominalLow">Nominal reading at the first point, in counts.</param>
        /// <param name="rawHigh">Mean raw reading at the second point, in counts.</param>
        /// <param name="nominalHigh">Nominal reading at the second point, in counts.</param>
        /// <returns><c>false</c> when the raw readings coincide (nothing fitted, record unchanged).</returns>
        public static bool Fit(SensorCalibrationRecord record, int channel, double rawLow, double nominalLow, double rawHigh, double nominalHigh)
        {
            double span = rawHigh - rawLow;
            if (span < 1 && span > -1)
            {
                return false;
            }

            double gain = (nominalHigh - nominalLow) / span;
            double offset = nominalLow - (gain * rawLow);
            record.SetChannel(channel, Round(gain * 1000000.0), Round(offset * 1000.0));
            return true;
        }

        private static int Round(double value)
        {
            return value >= 0 ? (int)(value + 0.5) : -(int)(-value + 0.5);
        }
    }
}
