using Wand.Core.Board;
using Wand.Core.Calibration;
using Wand.Protocol.Factory;

namespace Wand.Core.Motor
{
    /// <summary>
    /// Maps a (fractional) user level to an average motor voltage from the calibration (MD-2): 0 is off; between 0 and 1
    /// the voltage rises from the sustain threshold to level 1, so amplitude grows from zero without a step; between whole
    /// levels it is interpolated linearly.
    /// </summary>
    public sealed class DriveMap
    {
        private readonly CalibrationRecord record = new CalibrationRecord();
        private int maximumLevel;
        private bool calibrated;

        /// <summary>Initializes a new instance of the <see cref="DriveMap"/> class with the safe defaults.</summary>
        public DriveMap()
        {
            Load(CalibrationRules.CreateSafeDefaults(), false);
        }

        /// <summary>Gets the highest level the calibration allows: 5 when calibrated, 2 on safe defaults (SR-16).</summary>
        public int MaximumLevel => maximumLevel;

        /// <summary>Gets a value indicating whether a valid stored calibration is in use.</summary>
        public bool IsCalibrated => calibrated;

        /// <summary>Gets the kick voltage, in millivolts.</summary>
        public int KickMillivolts => record.KickMillivolts;

        /// <summary>Gets the kick duration, in milliseconds (0 to 50).</summary>
        public int KickMilliseconds => record.KickMilliseconds;

        /// <summary>Gets the calibrated sustain voltage, the lowest drive that keeps a turning rotor turning, in millivolts.</summary>
        public int SustainMillivolts => record.SustainMillivolts;

        /// <summary>Gets level 1's drive above the sustain voltage, in millivolts, 1 or more.</summary>
        /// <returns>The margin, in millivolts.</returns>
        public int LevelMargin()
        {
            int margin = record.LevelMillivolts(1) - record.SustainMillivolts;
            return margin > 0 ? margin : 1;
        }

        /// <summary>Gets the calibration in use (a copy owned by the map; do not modify).</summary>
        public CalibrationRecord Record => record;

        /// <summary>Loads a calibration.</summary>
        /// <param name="source">A record already checked with <see cref="CalibrationRules.IsValidFor"/>.</param>
        /// <param name="isCalibrated"><c>true</c> for a stored per-unit record; <c>false</c> for safe defaults.</param>
        public void Load(CalibrationRecord source, bool isCalibrated)
        {
            CalibrationRules.Copy(source, record);
            calibrated = isCalibrated;
            maximumLevel = isCalibrated ? SafetyLimits.LevelCount : SafetyLimits.UncalibratedMaximumLevel;
        }

        /// <summary>Gets the average motor voltage for a level.</summary>
        /// <param name="level">Level, 0.0 (off) to 5.0; values outside are clamped.</param>
        /// <returns>Millivolts, 0 or from the sustain threshold up to the level-5 voltage.</returns>
        public int MillivoltsFor(float level)
        {
            if (!(level > 0f))
            {
                return 0;
            }

            if (level <= 1f)
            {
                int first = record.LevelMillivolts(1);
                return record.SustainMillivolts + (int)((first - record.SustainMillivolts) * level);
            }

            if (level >= SafetyLimits.LevelCount)
            {
                return record.LevelMillivolts(SafetyLimits.LevelCount);
            }

            int lower = (int)level;
            float fraction = level - lower;
            int below = record.LevelMillivolts(lower);
            return below + (int)((record.LevelMillivolts(lower + 1) - below) * fraction);
        }
    }
}
