using Wand.Core.Board;
using Wand.Protocol.Factory;

namespace Wand.Core.Calibration
{
    /// <summary>
    /// What the firmware accepts as a calibration (SR-16) beyond the record's own format checks, and the conservative
    /// defaults used when no valid record is stored. The record itself, its byte layout and CRC-32 are the protocol
    /// library's <see cref="CalibrationRecord"/>, shared by storage and the Factory service.
    /// </summary>
    public static class CalibrationRules
    {
        /// <summary>Lowest voltage any calibrated point may have, in millivolts.</summary>
        public const int MinimumMillivolts = 500;

        /// <summary>
        /// Creates the conservative defaults (SR-16): gentle level voltages that every motor of the ±25 % population
        /// sustains (the weakest stops below about 1.56 V, so the sustain point is 1.6 V) and a kick above the weakest
        /// motor's 2.75 V breakaway; only levels 1 and 2 are usable while these are in force.
        /// </summary>
        /// <returns>A new record.</returns>
        public static CalibrationRecord CreateSafeDefaults()
        {
            CalibrationRecord record = new CalibrationRecord();
            record.SustainMillivolts = 1600;
            record.BreakawayMillivolts = 2200;
            record.KickMillivolts = 2950;
            record.KickMilliseconds = 40;
            record.SetLevelMillivolts(1, 1800);
            record.SetLevelMillivolts(2, 2000);
            record.SetLevelMillivolts(3, 2200);
            record.SetLevelMillivolts(4, 2400);
            record.SetLevelMillivolts(5, 2600);
            return record;
        }

        /// <summary>
        /// Checks a record against the limits in force: known version, every voltage between 500 mV and the board's
        /// ceiling (SR-3, which a board profile may have lowered), kick at most 50 ms (SR-4), sustain below level 1,
        /// levels strictly ascending.
        /// </summary>
        /// <param name="record">The record.</param>
        /// <param name="limits">The limits in force.</param>
        /// <returns><c>true</c> when the record may be used.</returns>
        public static bool IsValidFor(CalibrationRecord record, SafetyLimits limits)
        {
            int ceiling = limits.RatedMotorMillivolts;
            if (record.Version != CalibrationRecord.CurrentVersion
                || !InRange(record.SustainMillivolts, ceiling)
                || !InRange(record.BreakawayMillivolts, ceiling)
                || !InRange(record.KickMillivolts, ceiling)
                || record.KickMilliseconds < 0
                || record.KickMilliseconds > SafetyLimits.MaximumKickMilliseconds
                || record.SustainMillivolts >= record.LevelMillivolts(1))
            {
                return false;
            }

            for (int level = 1; level <= SafetyLimits.LevelCount; level++)
            {
                if (!InRange(record.LevelMillivolts(level), ceiling))
                {
                    return false;
                }

                if (level > 1 && record.LevelMillivolts(level) <= record.LevelMillivolts(level - 1))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Copies every value from one record to another.</summary>
        /// <param name="source">The record to copy.</param>
        /// <param name="destination">The record to overwrite.</param>
        public static void Copy(CalibrationRecord source, CalibrationRecord destination)
        {
            destination.Version = source.Version;
            destination.SustainMillivolts = source.SustainMillivolts;
            destination.BreakawayMillivolts = source.BreakawayMillivolts;
            destination.KickMillivolts = source.KickMillivolts;
            destination.KickMilliseconds = source.KickMilliseconds;
            for (int level = 1; level <= SafetyLimits.LevelCount; level++)
            {
                destination.SetLevelMillivolts(level, source.LevelMillivolts(level));
            }
        }

        /// <summary>Compares every stored value of two records.</summary>
        /// <param name="first">One record.</param>
        /// <param name="second">The other record.</param>
        /// <returns><c>true</c> when all values are equal.</returns>
        public static bool SameValues(CalibrationRecord first, CalibrationRecord second)
        {
            if (first.Version != second.Version || first.SustainMillivolts != second.SustainMillivolts
                || first.BreakawayMillivolts != second.BreakawayMillivolts || first.KickMillivolts != second.KickMillivolts
                || first.KickMilliseconds != second.KickMilliseconds)
            {
                return false;
            }

            for (int level = 1; level <= SafetyLimits.LevelCount; level++)
            {
                if (first.LevelMillivolts(level) != second.LevelMillivolts(level))
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
