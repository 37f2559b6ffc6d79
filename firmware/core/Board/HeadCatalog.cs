using Wand.Protocol.Vocabulary;

namespace Wand.Core.Board
{
    /// <summary>
    /// The three heads and the band arithmetic of the ID divider (HD-1, HD-2). The divider is a 10.0 kΩ 1 % pull-up
    /// from the 3.3 V rail with the head's ID resistor to ground; <c>hardware/head-id.md</c> derives every band.
    /// </summary>
    public sealed class HeadCatalog
    {
        /// <summary>Readings at or below this are a short to ground, in counts (≈ 150 mV: the ADC floor).</summary>
        public const int ShortMaximumCounts = 200;

        /// <summary>Readings at or above this are an open line (no head), in counts (≈ 2.8 V).</summary>
        public const int OpenMinimumCounts = 3700;

        /// <summary>Pattern mask allowing all four patterns.</summary>
        public const int AllPatterns = 0x0F;

        private readonly HeadDefinition[] heads;

        /// <summary>Initializes a new instance of the <see cref="HeadCatalog"/> class.</summary>
        /// <param name="heads">The known heads; bands must not overlap.</param>
        public HeadCatalog(HeadDefinition[] heads)
        {
            this.heads = heads;
        }

        /// <summary>Gets the number of known heads.</summary>
        public int Count => heads.Length;

        /// <summary>Gets a head by position.</summary>
        /// <param name="index">Position, 0 to <see cref="Count"/> − 1.</param>
        /// <returns>The head definition.</returns>
        public HeadDefinition this[int index] => heads[index];

        /// <summary>Creates the reference catalogue: soft dome, ridged wave and bristle brush.</summary>
        /// <returns>A new catalogue.</returns>
        public static HeadCatalog CreateDefault()
        {
            // Nominal counts: 3300 mV × R / (R + 10 kΩ), at 4095 counts per 3100 mV. Each band is the nominal ±158 counts
            // (±120 mV): ±60 mV ADC error, ±16 mV resistor and rail tolerance, and margin for contact resistance.
            return new HeadCatalog(new HeadDefinition[]
            {
                new HeadDefinition(HeadIdentity.SoftDome, "Soft dome", 2490, 711, 1027, 5, AllPatterns),
                new HeadDefinition(HeadIdentity.RidgedWave, "Ridged wave", 6650, 1583, 1899, 4, AllPatterns),
                new HeadDefinition(HeadIdentity.BristleBrush, "Bristle brush", 15000, 2458, 2774, 3, (1 << (int)PatternKind.Continuous) | (1 << (int)PatternKind.Wave)),
            });
        }

        /// <summary>Finds the head definition for an identity.</summary>
        /// <param name="identity">The identity.</param>
        /// <returns>The definition, or <c>null</c> for <see cref="HeadIdentity.None"/>, unknown or shorted.</returns>
        public HeadDefinition Find(HeadIdentity identity)
        {
            for (int index = 0; index < heads.Length; index++)
            {
                if (heads[index].Identity == identity)
                {
                    return heads[index];
                }
            }

            return null;
        }

        /// <summary>Classifies one raw reading of the ID divider (HD-2).</summary>
        /// <param name="counts">Raw ADC counts, 0 to 4095.</param>
        /// <returns>The head whose band holds the reading; <see cref="HeadIdentity.Shorted"/>, <see cref="HeadIdentity.None"/> (open) or <see cref="HeadIdentity.Unknown"/> (guard zone).</returns>
        public HeadIdentity Classify(int counts)
        {
            if (counts <= ShortMaximumCounts)
            {
                return HeadIdentity.Shorted;
            }

            if (counts >= OpenMinimumCounts)
            {
                return HeadIdentity.None;
            }

            for (int index = 0; index < heads.Length; index++)
            {
                HeadDefinition head = heads[index];
                if (counts >= head.MinimumCounts && counts <= head.MaximumCounts)
                {
                    return head.Identity;
                }
            }

            return HeadIdentity.Unknown;
        }
    }
}
