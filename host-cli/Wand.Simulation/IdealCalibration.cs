using System;
using Wand.Core.Board;
using Wand.Protocol.Factory;

namespace Wand.Simulation;

/// <summary>
/// The calibration a perfect factory station would write for a simulated motor, computed from the motor's true
/// parameters: the board's level amplitudes (<see cref="LevelAmplitudes"/>), never above the 3.0 V ceiling. Used to
/// boot virtual wands "as shipped" and as the ground truth that measured calibrations are judged against.
/// </summary>
public static class IdealCalibration
{
    /// <summary>Drive of the nominal motor at the product's top level, in volts (<see cref="LevelAmplitudes.NominalTopLevelVolts"/>).</summary>
    public const double NominalTopLevelVolts = LevelAmplitudes.NominalTopLevelVolts;

    /// <summary>Gets the product's top vibration amplitude (<see cref="LevelAmplitudes.TopAmplitudeG"/>), in g.</summary>
    public static double ProductTopAmplitudeG => LevelAmplitudes.TopAmplitudeG;

    /// <summary>Gets the target amplitude of a level (<see cref="LevelAmplitudes.TargetAmplitudeG"/>).</summary>
    /// <param name="level">Level, 1 to 5.</param>
    /// <returns>Amplitude, in g.</returns>
    public static double TargetAmplitudeG(int level) => LevelAmplitudes.TargetAmplitudeG(level);

    /// <summary>Computes the ideal record for a motor.</summary>
    /// <param name="motor">The motor's true parameters.</param>
    /// <returns>A valid calibration record.</returns>
    public static CalibrationRecord For(ErmMotorParameters motor)
    {
        ArgumentNullException.ThrowIfNull(motor);
        CalibrationRecord record = new()
        {
            SustainMillivolts = Millivolts(EffectiveSustainVolts(motor) + 0.05),
            BreakawayMillivolts = Millivolts(motor.StartVolts),
            KickMillivolts = Math.Min(SafetyLimits.DefaultRatedMotorMillivolts, Millivolts(Math.Max(motor.StartVolts + 0.3, 2.8))),
            KickMilliseconds = 40,
        };
        for (int level = 1; level <= SafetyLimits.LevelCount; level++)
        {
            record.SetLevelMillivolts(level, Math.Min(SafetyLimits.DefaultRatedMotorMillivolts - (SafetyLimits.LevelCount - level), Millivolts(VoltsFor(motor, TargetAmplitudeG(level)))));
        }

        return record;
    }

    /// <summary>
    /// The lowest steady drive that keeps a turning rotor turning: the sustain voltage plus the drive that holds the
    /// stop speed (below it a rotor stops), in volts.
    /// </summary>
    /// <param name="motor">The motor.</param>
    /// <returns>Average motor voltage, in volts.</returns>
    public static double EffectiveSustainVolts(ErmMotorParameters motor)
    {
        ArgumentNullException.ThrowIfNull(motor);
        return motor.SustainVolts + (motor.StopSpeedRpm / motor.SpeedGainRpmPerVolt);
    }

    /// <summary>The steady drive that gives an amplitude, by inverting the motor's speed and amplitude laws.</summary>
    /// <param name="motor">The motor.</param>
    /// <param name="amplitudeG">Amplitude, in g, greater than 0.</param>
    /// <returns>Average motor voltage, in volts.</returns>
    public static double VoltsFor(ErmMotorParameters motor, double amplitudeG)
    {
        ArgumentNullException.ThrowIfNull(motor);
        double speed = motor.ReferenceSpeedRpm * Math.Sqrt(amplitudeG / motor.ReferenceAmplitudeG);
        return motor.SustainVolts + (speed / motor.SpeedGainRpmPerVolt);
    }

    private static int Millivolts(double volts) => (int)Math.Round(volts * 1000);
}
