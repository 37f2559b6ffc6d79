namespace Wand.Core.Board
{
    /// <summary>
    /// The product's vibration specification (MD-2): five levels evenly spaced in head vibration amplitude from a gentle
    /// floor (a fifth of the top) to the product's top amplitude. Calibration aims every unit's levels at these
    /// amplitudes; the virtual wand's ideal calibration uses the same figures.
    /// </summary>
    public static class LevelAmplitudes
    {
        /// <summary>
        /// Drive of the nominal motor at the top level, in volts: the operating point the top amplitude is defined at.
        /// Chosen so that every motor of the ±25 % population reaches the top amplitude below the 3.0 V ceiling (SR-3):
        /// the weakest corner (start and sustain voltage +25 %, speed gain −25 %) needs 2.97 V, the nominal motor 2.3 V.
        /// </summary>
        public const double NominalTopLevelVolts = 2.3;

        /// <summary>
        /// The level-5 amplitude at the head, in g (peak): the nominal 10 mm coin motor (sustain 1.2 V, 6700 rpm per
        /// volt, 0.8 g at 12000 rpm, amplitude proportional to speed squared) driven at <see cref="NominalTopLevelVolts"/>.
        /// </summary>
        public const double TopAmplitudeG = 0.30176055555555553;

        /// <summary>The level-1 amplitude at the head, in g (peak): a fifth of <see cref="TopAmplitudeG"/>.</summary>
        public const double FloorAmplitudeG = TopAmplitudeG / 5;

        /// <summary>Accepted deviation of a calibrated level from its target amplitude, as a fraction (0.05).</summary>
        public const double Tolerance = 0.05;

        /// <summary>Gets the target amplitude of a level.</summary>
        /// <param name="level">Level, 1 to <see cref="SafetyLimits.LevelCount"/>; other values are extrapolated.</param>
        /// <returns>Amplitude at the head, in g (peak).</returns>
        public static double TargetAmplitudeG(int level)
        {
            return FloorAmplitudeG + ((TopAmplitudeG - FloorAmplitudeG) * (level - 1) / (SafetyLimits.LevelCount - 1));
        }
    }
}
