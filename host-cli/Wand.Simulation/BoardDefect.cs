namespace Wand.Simulation;

/// <summary>
/// A production defect seeded into a virtual board as a physical part outside its documented tolerance (never a flag
/// that forces a reading). <see cref="BoardDefects"/> names them for <c>sim:defect=NAME</c> and describes the part.
/// </summary>
public enum BoardDefect
{
    /// <summary>Every part within its documented tolerance.</summary>
    None,

    /// <summary>The head NTC's R25 is 6 % high (the part allows ±1 %): the calibrated unit reads about 1.3 K low.</summary>
    NtcOutOfTolerance,

    /// <summary>
    /// The battery divider's top resistor is 220 kΩ instead of 100 kΩ: the cell reads 37 % low, beyond what a sensor
    /// calibration may correct, so the unit's record is refused and its limits stay shifted.
    /// </summary>
    WrongDividerResistor,

    /// <summary>The head NTC has lost its thermal contact with the head: it stays at the 25 °C ambient whatever the head's temperature.</summary>
    StuckNtc,

    /// <summary>The unit's bristle-brush head carries a 10.0 kΩ ID resistor instead of 15.0 kΩ (a guard-zone reading).</summary>
    WrongHeadResistor,

    /// <summary>The motor calibration record was computed for another motor, one with a 35 % higher speed gain: every level vibrates about 45 % too weakly.</summary>
    MiscalibratedMotor,

    /// <summary>The motor's speed gain is 35 % of its drawn value (far outside the ±25 % population): at the 3.0 V ceiling it cannot reach levels 4 and 5.</summary>
    WeakMotor,

    /// <summary>
    /// The motor's bearing drags: a rotor below 2,000 rpm stops (a good motor turns down to 300 rpm), after its
    /// calibration was measured. It stalls in the start ramp once the kick ends and low levels cannot restart it.
    /// </summary>
    StalledRestart,
}
