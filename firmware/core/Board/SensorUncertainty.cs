namespace Wand.Core.Board
{
    /// <summary>
    /// How far a reading may be from the true quantity on a unit whose parts are within their documented tolerances
    /// (SR-18). The figures are the worst cases of the uncertainty budget in <c>hardware/limits.md</c>, rounded up; a test
    /// recomputes them from the virtual board's tolerance definition and fails if one here is smaller. A unit without
    /// a valid sensor calibration moves every limit by these amounts towards the safe side.
    /// </summary>
    public static class SensorUncertainty
    {
        /// <summary>Worst-case error of the head temperature reading without sensor calibration, in millidegrees Celsius (budget: 7.22 K at 41 °C).</summary>
        public const int UncalibratedThermalMillidegrees = 7300;

        /// <summary>Worst-case error of the cell voltage reading without sensor calibration, in millivolts (budget: 476 mV at 3.55 V).</summary>
        public const int UncalibratedBatteryMillivolts = 480;

        /// <summary>
        /// Worst-case relative error of the cell voltage reading without sensor calibration, in percent (budget: 13.6 % at
        /// 3.40 V). The motor voltage ceiling (SR-3) is lowered by it, since supply compensation divides by the reading.
        /// </summary>
        public const int UncalibratedBatteryPercent = 14;
    }
}
