using System;
using Wand.Core.Board;
using Wand.Core.Calibration;
using Wand.Host.Calibration.Fitting;
using Wand.Protocol.Factory;

namespace Wand.Host.Calibration;

/// <summary>
/// Turns the fitted model and the thresholds into a calibration record: one drive per level from the model's inverse,
/// never above the ceiling (SR-3), a kick above the breakaway voltage (SR-4: at most the ceiling and 50 ms), and the
/// sustain threshold. Pure logic, no I/O.
/// </summary>
public static class LevelPlanner
{
    /// <summary>Margin of the kick above the measured breakaway, in millivolts.</summary>
    public const int KickMarginMillivolts = 300;

    /// <summary>Lowest kick voltage, in millivolts: a stiff rotor on a cold morning still breaks away.</summary>
    public const int MinimumKickMillivolts = 2600;

    /// <summary>Kick length, in milliseconds (SR-4 allows up to 50).</summary>
    public const int KickMilliseconds = 40;

    /// <summary>Margin of the stored sustain threshold above the measured stop voltage, in millivolts.</summary>
    public const int SustainMarginMillivolts = 30;

    /// <summary>Computes the level drives.</summary>
    /// <param name="model">The fitted model.</param>
    /// <param name="targets">The level targets.</param>
    /// <param name="ceilingMillivolts">The drive ceiling, in millivolts (3000 by default).</param>
    /// <returns>Millivolts for levels 1 to 5 (index 0 is level 1), strictly increasing, at most the ceiling.</returns>
    /// <exception cref="UnitOutOfRangeException">The top amplitude needs more than the ceiling.</exception>
    public static int[] LevelMillivolts(AmplitudeModel model, LevelTargets targets, int ceilingMillivolts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(targets);
        int[] levels = new int[SafetyLimits.LevelCount];
        for (int level = 1; level <= SafetyLimits.LevelCount; level++)
        {
            double millivolts = model.MillivoltsFor(targets.AmplitudeG(level));
            if (millivolts > ceilingMillivolts)
            {
                double reachable = model.AmplitudeAt(ceilingMillivolts);
                if (reachable < targets.AmplitudeG(level) * (1 - (targets.Tolerance / 2)))
                {
                    throw new UnitOutOfRangeException(
                        $"Level {level} needs {millivolts:0} mV for {targets.AmplitudeG(level):0.000} g, above the {ceilingMillivolts} mV ceiling "
                        + $"(this motor reaches {reachable:0.000} g there). The motor is too weak; replace it.");
                }

                millivolts = ceilingMillivolts;
            }

            levels[level - 1] = (int)Math.Round(millivolts);
        }

        for (int index = 1; index < levels.Length; index++)
        {
            if (levels[index] <= levels[index - 1])
            {
                throw new UnitOutOfRangeException($"Levels {index} and {index + 1} map to the same drive ({levels[index]} mV); the fitted law is too steep.");
            }
        }

        return levels;
    }

    /// <summary>Builds the record and checks it against the firmware's own rules.</summary>
    /// <param name="levels">Millivolts for levels 1 to 5.</param>
    /// <param name="breakawayMillivolts">Measured breakaway voltage, in millivolts.</param>
    /// <param name="stopMillivolts">Measured lowest voltage at which the spinning rotor still turned, in millivolts.</param>
    /// <param name="limits">The limits in force on the unit.</param>
    /// <returns>A record that passes <see cref="CalibrationRules.IsValidFor"/>.</returns>
    /// <exception cref="UnitOutOfRangeException">The values cannot form a valid record.</exception>
    public static CalibrationRecord BuildRecord(int[] levels, int breakawayMillivolts, int stopMillivolts, SafetyLimits limits)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(limits);
        int ceiling = limits.RatedMotorMillivolts;
        int sustain = Math.Max(CalibrationRules.MinimumMillivolts, stopMillivolts + SustainMarginMillivolts);
        if (sustain >= levels[0])
        {
            throw new UnitOutOfRangeException(
                $"The motor stops at {stopMillivolts} mV, too close to level 1 ({levels[0]} mV): the gentlest level would stall. Replace the motor.");
        }

        CalibrationRecord record = new()
        {
            SustainMillivolts = sustain,
            BreakawayMillivolts = Math.Clamp(breakawayMillivolts, CalibrationRules.MinimumMillivolts, ceiling),
            KickMillivolts = Math.Min(ceiling, Math.Max(MinimumKickMillivolts, breakawayMillivolts + KickMarginMillivolts)),
            KickMilliseconds = KickMilliseconds,
        };
        for (int level = 1; level <= SafetyLimits.LevelCount; level++)
        {
            record.SetLevelMillivolts(level, levels[level - 1]);
        }

        if (!CalibrationRules.IsValidFor(record, limits))
        {
            throw new UnitOutOfRangeException("The computed record breaks the firmware's calibration rules (SR-16); nothing was written.");
        }

        return record;
    }
}
