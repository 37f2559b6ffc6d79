using Wand.Protocol.Vocabulary;

namespace Wand.Core.Board
{
    /// <summary>
    /// One interchangeable head (HD-4): its identity, its ID-resistor band on the ADC and what it allows.
    /// </summary>
    public sealed class HeadDefinition
    {
        /// <summary>Initializes a new instance of the <see cref="HeadDefinition"/> class.</summary>
        /// <param name="identity">The head's identity.</param>
        /// <param name="name">Human-readable name, at most 20 ASCII characters.</param>
        /// <param name="idResistorOhms">Nominal ID resistor in the head, in ohms (E96 value, 1 %).</param>
        /// <param name="minimumCounts">Lowest ADC reading classified as this head, in counts (inclusive).</param>
        /// <param name="maximumCounts">Highest ADC reading classified as this head, in counts (inclusive).</param>
        /// <param name="maximumLevel">Highest user level this head allows, 1 to 5.</param>
        /// <param name="allowedPatterns">Bit mask of allowed patterns, bit n = <see cref="PatternKind"/> n.</param>
        public HeadDefinition(HeadIdentity identity, string name, int idResistorOhms, int minimumCounts, int maximumCounts, int maximumLevel, int allowedPatterns)
        {
            Identity = identity;
            Name = name;
            IdResistorOhms = idResistorOhms;
            MinimumCounts = minimumCounts;
            MaximumCounts = maximumCounts;
            MaximumLevel = maximumLevel;
            AllowedPatterns = allowedPatterns;
        }

        /// <summary>Gets the head's identity.</summary>
        public HeadIdentity Identity { get; }

        /// <summary>Gets the human-readable name.</summary>
        public string Name { get; }

        /// <summary>Gets the nominal ID resistor, in ohms.</summary>
        public int IdResistorOhms { get; }

        /// <summary>Gets the lowest ADC reading of this head's band, in counts (inclusive).</summary>
        public int MinimumCounts { get; }

        /// <summary>Gets the highest ADC reading of this head's band, in counts (inclusive).</summary>
        public int MaximumCounts { get; }

        /// <summary>Gets the highest user level this head allows, 1 to 5.</summary>
        public int MaximumLevel { get; }

        /// <summary>Gets the bit mask of allowed patterns, bit n = <see cref="PatternKind"/> n.</summary>
        public int AllowedPatterns { get; }

        /// <summary>Tells whether this head allows a pattern.</summary>
        /// <param name="pattern">The pattern.</param>
        /// <returns><c>true</c> if the pattern's bit is set in <see cref="AllowedPatterns"/>.</returns>
        public bool Allows(PatternKind pattern)
        {
            return (AllowedPatterns & (1 << (int)pattern)) != 0;
        }
    }
}
