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

        /// <summary>
        /// Margin the motor voltage ceiling (SR-3) keeps below the rated voltage, in tenths of a percent (5: 0.5 %). Supply
        /// compensation divides by the cell reading, so a reading that is low drives the motor that much above the
        /// demanded voltage. A calibrated cell reading may be 5 mV off (budget at 3.40 V) and the battery filter may sit up
        /// to 3 mV below its input: 8 mV, 0.24 % of the lowest cell voltage that drives; the margin is twice that, rounded
        /// up. Without a sensor calibration the ceiling is lower still (<see cref="UncalibratedBatteryPercent"/>).
        /// </summary>
        public const int CalibratedBatteryPermille = 5;
    }
}
