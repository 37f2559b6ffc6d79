using Wand.Protocol.Vocabulary;

namespace Wand.Core.Routines
{
    /// <summary>
    /// The built-in routines (MD-6), as data. Levels stay at or below 3 so every head may play them (the bristle brush
    /// allows 3), and every routine fits the default 10-minute session (SR-5) with its cues. Order and content follow
    /// public infant-massage teaching: start with the legs and feet, where babies feel least vulnerable, then the tummy in
    /// clockwise circles, the chest, the arms and hands, the face with the hands only, and the back last
    /// (newparent.com/baby/a-guide-to-infant-massage; ologyeducation.com.au/lessons/leg-and-foot-strokes and
    /// /lessons/face-and-back; bbivc.org.uk/?p=120). The lactation routine uses a low to medium level with circular
    /// massage on each breast, then at the side of each (biologyinsights.com/how-to-use-a-lactation-massager-for-a-clogged-duct).
    /// </summary>
    public sealed class RoutineLibrary
    {
        private readonly Routine[] routines;

        /// <summary>Initializes a new instance of the <see cref="RoutineLibrary"/> class with the four built-in routines.</summary>
        public RoutineLibrary()
        {
            const PatternKind Steady = PatternKind.Continuous;
            const PatternKind Wave = PatternKind.Wave;
            routines = new Routine[]
            {
                new Routine(
                    RoutineKind.InfantFullBody,
                    "Infant full body",
                    new BodyArea[] { BodyArea.LegsAndFeet, BodyArea.Tummy, BodyArea.Chest, BodyArea.ArmsAndHands, BodyArea.Face, BodyArea.Back },
                    new int[] { 120, 90, 60, 90, 45, 120 },
                    new PatternKind[] { Steady, Wave, Wave, Steady, Steady, Wave },
                    new int[] { 2, 1, 1, 2, 0, 2 }),
                new Routine(
                    RoutineKind.TummyWind,
                    "Tummy for wind",
                    new BodyArea[] { BodyArea.Tummy, BodyArea.LegsAndFeet, BodyArea.Tummy, BodyArea.LegsAndFeet, BodyArea.Tummy },
                    new int[] { 60, 45, 60, 45, 60 },
                    new PatternKind[] { Wave, Steady, Wave, Steady, Wave },
                    new int[] { 1, 0, 1, 0, 1 }),
                new Routine(
                    RoutineKind.BedtimeWindDown,
                    "Bedtime wind-down",
                    new BodyArea[] { BodyArea.Back, BodyArea.LegsAndFeet, BodyArea.Back, BodyArea.Back },
                    new int[] { 120, 90, 120, 60 },
                    new PatternKind[] { Wave, Wave, Wave, Wave },
                    new int[] { 3, 2, 1, 0 }),
                new Routine(
                    RoutineKind.Lactation,
                    "Lactation (for the mother)",
                    new BodyArea[] { BodyArea.LeftBreast, BodyArea.RightBreast, BodyArea.LeftBreastSide, BodyArea.RightBreastSide },
                    new int[] { 150, 150, 90, 90 },
                    new PatternKind[] { Steady, Steady, Wave, Wave },
                    new int[] { 2, 2, 2, 2 }),
            };
        }

        /// <summary>Gets the number of routines.</summary>
        public int Count => routines.Length;

        /// <summary>Gets a routine by position.</summary>
        /// <param name="index">0 to <see cref="Count"/> − 1.</param>
        /// <returns>The routine.</returns>
        public Routine At(int index)
        {
            return routines[index];
        }

        /// <summary>Finds a routine by its wire identity. Does not allocate.</summary>
        /// <param name="kind">The identity.</param>
        /// <returns>The routine, or <c>null</c> when none has that identity.</returns>
        public Routine Find(RoutineKind kind)
        {
            for (int index = 0; index < routines.Length; index++)
            {
                if (routines[index].Kind == kind)
                {
                    return routines[index];
                }
            }

            return null;
        }
    }
}
