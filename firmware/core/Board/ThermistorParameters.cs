namespace Wand.Core.Board
{
    /// <summary>
    /// The head-side NTC and its divider: NTC from the ADC pin to ground, a fixed resistor from the 3.3 V rail to the pin.
    /// </summary>
    public sealed class ThermistorParameters
    {
        /// <summary>Initializes a new instance of the <see cref="ThermistorParameters"/> class.</summary>
        /// <param name="nominalOhms">NTC resistance at the reference temperature, in ohms.</param>
        /// <param name="referenceMillidegrees">Reference temperature, in millidegrees Celsius (25000 for R25).</param>
        /// <param name="betaKelvin">Beta constant over 25/50 °C, in kelvin.</param>
        /// <param name="pullUpOhms">Fixed divider resistor from the rail, in ohms.</param>
        public ThermistorParameters(int nominalOhms, int referenceMillidegrees, int betaKelvin, int pullUpOhms)
        {
            NominalOhms = nominalOhms;
            ReferenceMillidegrees = referenceMillidegrees;
            BetaKelvin = betaKelvin;
            PullUpOhms = pullUpOhms;
        }

        /// <summary>Gets the NTC resistance at the reference temperature, in ohms.</summary>
        public int NominalOhms { get; }

        /// <summary>Gets the reference temperature, in millidegrees Celsius.</summary>
        public int ReferenceMillidegrees { get; }

        /// <summary>Gets the Beta constant (B25/50), in kelvin.</summary>
        public int BetaKelvin { get; }

        /// <summary>Gets the divider's fixed resistor, in ohms.</summary>
        public int PullUpOhms { get; }
    }
}
