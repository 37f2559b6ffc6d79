namespace Wand.Protocol.Vocabulary
{
    /// <summary>
    /// Which sensory head the wand has recognised (HD-1…HD-4). Wire value: one byte.
    /// </summary>
    public enum HeadIdentity : byte
    {
        /// <summary>No head attached: the ID divider reads open.</summary>
        None = 0,

        /// <summary>Head A, the soft silicone dome (ID resistor 2.49 kΩ).</summary>
        SoftDome = 1,

        /// <summary>Head B, the ridged wave head (ID resistor 6.65 kΩ).</summary>
        RidgedWave = 2,

        /// <summary>Head C, the fine bristle brush (ID resistor 15.0 kΩ).</summary>
        BristleBrush = 3,

        /// <summary>A reading in a guard zone between bands: no head is accepted.</summary>
        Unknown = 254,

        /// <summary>The ID line reads shorted to ground.</summary>
        Shorted = 255,
    }
}
