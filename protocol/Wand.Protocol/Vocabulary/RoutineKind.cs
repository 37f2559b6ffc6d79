namespace Wand.Protocol.Vocabulary
{
    /// <summary>
    /// The built-in guided routines (MD-6, protocol 1.1). Wire value: one byte; 0 means a manual session (no routine).
    /// </summary>
    public enum RoutineKind : byte
    {
        /// <summary>No routine: a manual session (level and pattern set by the user).</summary>
        None = 0,

        /// <summary>Infant full body in the order massage classes teach: legs and feet, tummy, chest, arms and hands, face (hands only), back.</summary>
        InfantFullBody = 1,

        /// <summary>A short tummy routine for wind: clockwise tummy circles with hands-only rests.</summary>
        TummyWind = 2,

        /// <summary>Bedtime wind-down: the wave pattern at a falling level, ending hands-only.</summary>
        BedtimeWindDown = 3,

        /// <summary>For the mother: circular massage on one breast, then the other, then at the side of each.</summary>
        Lactation = 4,
    }
}
