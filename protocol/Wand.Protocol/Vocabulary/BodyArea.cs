namespace Wand.Protocol.Vocabulary
{
    /// <summary>
    /// Where a routine step is given (MD-6, protocol 1.1). Wire value: one byte. The face never gets vibration: a step on
    /// the face is always hands-only (level 0).
    /// </summary>
    public enum BodyArea : byte
    {
        /// <summary>No particular area (a rest between steps).</summary>
        None = 0,

        /// <summary>Legs and feet.</summary>
        LegsAndFeet = 1,

        /// <summary>Tummy (clockwise, below the ribs).</summary>
        Tummy = 2,

        /// <summary>Chest.</summary>
        Chest = 3,

        /// <summary>Arms and hands.</summary>
        ArmsAndHands = 4,

        /// <summary>Face: hands only, never vibration.</summary>
        Face = 5,

        /// <summary>Back.</summary>
        Back = 6,

        /// <summary>The mother's left breast, circular massage.</summary>
        LeftBreast = 7,

        /// <summary>The mother's right breast, circular massage.</summary>
        RightBreast = 8,

        /// <summary>The side of the mother's left breast, towards the armpit.</summary>
        LeftBreastSide = 9,

        /// <summary>The side of the mother's right breast, towards the armpit.</summary>
        RightBreastSide = 10,
    }
}
