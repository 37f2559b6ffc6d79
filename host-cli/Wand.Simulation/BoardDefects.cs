using System;
using System.Collections.Generic;

namespace Wand.Simulation;

/// <summary>
/// The names of the seeded defects (<see cref="BoardDefect"/>) as <c>sim:defect=NAME</c> takes them, and the physical
/// values each one puts on the board.
/// </summary>
public static class BoardDefects
{
    /// <summary>The R25 factor of an NTC out of tolerance (+6 %; the part allows ±1 %).</summary>
    public const double OutOfToleranceNtcFactor = 1.06;

    /// <summary>The battery divider's top resistor fitted in place of 100 kΩ, as a factor: 220 kΩ.</summary>
    public const double WrongDividerTopFactor = 2.2;

    /// <summary>The temperature a stuck (thermally detached) NTC stays at, in °C: the station's ambient.</summary>
    public const double StuckNtcCelsius = 25;

    /// <summary>The bristle-brush head's nominal ID resistor, in ohms.</summary>
    public const double BristleBrushOhms = 15000;

    /// <summary>The ID resistor fitted in the defective bristle-brush head, in ohms.</summary>
    public const double WrongBristleBrushOhms = 10000;

    /// <summary>The speed-gain factor of the motor the miscalibrated record was computed for.</summary>
    public const double MiscalibratedRecordGainFactor = 1.35;

    /// <summary>
    /// The speed-gain factor of a weak motor, 0.35: even the strongest motor of the population with the lowest sustain
    /// voltage, so weakened, turns at most 6,160 rpm at 3.0 V, 0.21 g, below levels 4 and 5.
    /// </summary>
    public const double WeakMotorGainFactor = 0.35;

    /// <summary>The stop speed of a motor whose bearing drags, in rpm (a good motor: 300 rpm).</summary>
    public const double DraggingBearingStopSpeedRpm = 2000;

    private static readonly Dictionary<string, BoardDefect> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = BoardDefect.None,
        ["ntc-out-of-tolerance"] = BoardDefect.NtcOutOfTolerance,
        ["wrong-divider-resistor"] = BoardDefect.WrongDividerResistor,
        ["stuck-ntc"] = BoardDefect.StuckNtc,
        ["wrong-head-resistor"] = BoardDefect.WrongHeadResistor,
        ["miscalibrated-motor"] = BoardDefect.MiscalibratedMotor,
        ["weak-motor"] = BoardDefect.WeakMotor,
        ["stalled-restart"] = BoardDefect.StalledRestart,
    };

    /// <summary>Every defect name, for messages and help.</summary>
    public const string Catalogue = "none, ntc-out-of-tolerance, wrong-divider-resistor, stuck-ntc, wrong-head-resistor, miscalibrated-motor, weak-motor, stalled-restart";

    /// <summary>Gets every defect except <see cref="BoardDefect.None"/>, in catalogue order.</summary>
    public static IReadOnlyList<BoardDefect> All { get; } =
    [
        BoardDefect.NtcOutOfTolerance,
        BoardDefect.WrongDividerResistor,
        BoardDefect.StuckNtc,
        BoardDefect.WrongHeadResistor,
        BoardDefect.MiscalibratedMotor,
        BoardDefect.WeakMotor,
        BoardDefect.StalledRestart,
    ];

    /// <summary>Finds a defect by name.</summary>
    /// <param name="name">The name, e.g. <c>stuck-ntc</c> (case-insensitive).</param>
    /// <param name="defect">The defect.</param>
    /// <returns><c>false</c> when the name is not in <see cref="Catalogue"/>.</returns>
    public static bool TryParse(string? name, out BoardDefect defect) => ByName.TryGetValue((name ?? string.Empty).Trim(), out defect);

    /// <summary>Gives a defect's name.</summary>
    /// <param name="defect">The defect.</param>
    /// <returns>The name <c>sim:defect=</c> takes.</returns>
    public static string Name(BoardDefect defect)
    {
        foreach (KeyValuePair<string, BoardDefect> pair in ByName)
        {
            if (pair.Value == defect)
            {
                return pair.Key;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(defect), defect, "Not a board defect.");
    }

    /// <summary>Applies a motor defect to a unit's motor (weak motor, dragging bearing); other defects leave it unchanged.</summary>
    /// <param name="defect">The defect.</param>
    /// <param name="motor">The unit's motor as drawn.</param>
    /// <returns>The motor fitted.</returns>
    public static ErmMotorParameters FittedMotor(BoardDefect defect, ErmMotorParameters motor)
    {
        ArgumentNullException.ThrowIfNull(motor);
        return defect switch
        {
            BoardDefect.WeakMotor => motor with { SpeedGainRpmPerVolt = motor.SpeedGainRpmPerVolt * WeakMotorGainFactor },
            BoardDefect.StalledRestart => motor with { StopSpeedRpm = DraggingBearingStopSpeedRpm },
            _ => motor,
        };
    }

    /// <summary>
    /// The motor a factory calibration of this unit was computed for: the fitted motor, except that a miscalibrated
    /// unit's record belongs to a stronger motor and a dragging bearing appeared after the calibration was measured.
    /// </summary>
    /// <param name="defect">The defect.</param>
    /// <param name="drawn">The unit's motor as drawn, before any motor defect.</param>
    /// <param name="fitted">The motor fitted (<see cref="FittedMotor"/>).</param>
    /// <returns>The motor the record describes.</returns>
    public static ErmMotorParameters CalibratedMotor(BoardDefect defect, ErmMotorParameters drawn, ErmMotorParameters fitted)
    {
        ArgumentNullException.ThrowIfNull(drawn);
        ArgumentNullException.ThrowIfNull(fitted);
        return defect switch
        {
            BoardDefect.MiscalibratedMotor => fitted with { SpeedGainRpmPerVolt = fitted.SpeedGainRpmPerVolt * MiscalibratedRecordGainFactor },
            BoardDefect.StalledRestart => drawn,
            _ => fitted,
        };
    }
}
