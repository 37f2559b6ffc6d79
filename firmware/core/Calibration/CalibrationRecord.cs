using Wand.Core.Board;

namespace Wand.Core.Calibration
{
    /// <summary>
    /// The per-unit motor calibration (MD-2, SR-16): average motor voltages for the sustain and breakaway thresholds, the
    /// start-up kick, and one drive voltage per user level so that levels are evenly spaced in vibration amplitude.
    /// Stored with a version and CRC-32 (byte layout in <c>protocol/PROFILE.md</c>, Factory service).
    /// </summary>
    public sealed class CalibrationRecord
    {
        /// <summary>The record layout version this firmware writes and accepts.</summary>
        public const byte CurrentVersion = 1;

        /// <summary>Lowest voltage any calibrated point may have, in millivolts.</summary>
        public const int MinimumMillivolts = 500;

        /// <summary>Initializes a new instance of the <see cref="CalibrationRecord"/> class with all values zero.</summary>
        public CalibrationRecord()
        {
            LevelMillivolts = new int[SafetyLimits.LevelCount];
            Version = CurrentVersion;
        }

        /// <summary>Gets or sets the record layout version.</summary>
        public byte Version { get; set; }

        /// <summary>Gets or sets the voltage below which a spinning motor stops, in millivolts (500 to the ceiling).</summary>
        public int SustainMillivolts { get; set; }

        /// <summary>Gets or sets the voltage that starts the motor from standstill, in millivolts (500 to the ceiling).</summary>
        public int BreakawayMillivolts { get; set; }

        /// <summary>Gets or sets the start-up kick voltage, in millivolts (at most the ceiling, SR-4).</summary>
        public int KickMillivolts { get; set; }

        /// <summary>Gets or sets the start-up kick duration, in milliseconds (0 to 50, SR-4).</summary>
        public int KickMilliseconds { get; set; }

        /// <summary>Gets the drive voltage of levels 1 to 5 (index 0 to 4), in millivolts, strictly ascending, at most the ceiling.</summary>
        public int[] LevelMillivolts { get; }

        /// <summary>Creates the conservative defaults used when no valid record is stored (SR-16): only levels 1 and 2 are usable.</summary>
        /// <returns>A new record.</returns>
        public static CalibrationRecord CreateSafeDefaults()
        {
            CalibrationRecord record = new CalibrationRecord();
            record.SustainMillivolts = 1400;
            record.BreakawayMillivolts = 2200;
            record.KickMillivolts = 2800;
            record.KickMilliseconds = 40;
            record.LevelMillivolts[0] = 1800;
            record.LevelMillivolts[1] = 2000;
            record.LevelMillivolts[2] = 2200;
            record.LevelMillivolts[3] = 2400;
            record.LevelMillivolts[4] = 2600;
            return record;
        }

        /// <summary>Copies every value from another record.</summary>
        /// <param name="source">The record to copy.</param>
        public void CopyFrom(CalibrationRecord source)
        {
            Version = source.Version;
            SustainMillivolts = source.SustainMillivolts;
            BreakawayMillivolts = source.BreakawayMillivolts;
            KickMillivolts = source.KickMillivolts;
            KickMilliseconds = source.KickMilliseconds;
            for (int index = 0; index < LevelMillivolts.Length; index++)
            {
                LevelMillivolts[index] = source.LevelMillivolts[index];
            }
        }

        /// <summary>
        /// Checks the record against the safety limits: known version, every voltage between 500 mV and the ceiling
        /// (SR-3), kick at most 50 ms (SR-4), sustain below level 1, levels strictly ascending.
        /// </summary>
        /// <param name="limits">The limits in force.</param>
        /// <returns><c>true</c> when the record may be used.</returns>
        public bool IsValidFor(SafetyLimits limits)
        {
            int ceiling = limits.RatedMotorMillivolts;
            if (Version != CurrentVersion
                || !InRange(SustainMillivolts, ceiling)
                || !InRange(BreakawayMillivolts, ceiling)
                || !InRange(KickMillivolts, ceiling)
                || KickMilliseconds < 0
                || KickMilliseconds > SafetyLimits.MaximumKickMilliseconds
                || SustainMillivolts >= LevelMillivolts[0])
            {
                return false;
            }

            for (int index = 0; index < LevelMillivolts.Length; index++)
            {
                if (!InRange(LevelMillivolts[index], ceiling))
                {
                    return false;
                }

                if (index > 0 && LevelMillivolts[index] <= LevelMillivolts[index - 1])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool InRange(int millivolts, int ceiling)
        {
            return millivolts >= MinimumMillivolts && millivolts <= ceiling;
        }
    }
}
