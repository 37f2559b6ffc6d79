namespace Wand.Core.Board
{
    /// <summary>
    /// Everything that describes one board build: pin map, dividers, heads, options and the (possibly tightened)
    /// safety limits. <c>hardware/board-profile.md</c> documents the default board, <see cref="CreateDefault"/>.
    /// </summary>
    public sealed class BoardProfile
    {
        /// <summary>Initializes a new instance of the <see cref="BoardProfile"/> class with the reference board's values.</summary>
        public BoardProfile()
        {
            Limits = new SafetyLimits();
            Thermistor = new ThermistorParameters(10000, 25000, 3950, 10000);
            Heads = HeadCatalog.CreateDefault();
        }

        /// <summary>Gets the safety limits for this board (defaults, possibly tightened).</summary>
        public SafetyLimits Limits { get; }

        /// <summary>Gets the head NTC parameters.</summary>
        public ThermistorParameters Thermistor { get; }

        /// <summary>Gets the known heads and their ADC bands.</summary>
        public HeadCatalog Heads { get; }

        /// <summary>Gets or sets the GPIO that drives the motor transistor's gate (LEDC PWM output).</summary>
        public int MotorPwmPin { get; set; } = 25;

        /// <summary>Gets or sets the PWM frequency, in hertz (MD-1: 25 kHz, inaudible; 11-bit LEDC resolution).</summary>
        public int MotorPwmFrequencyHertz { get; set; } = 25000;

        /// <summary>Gets or sets the ADC1 channel of the head-ID divider (channel 6 = GPIO34).</summary>
        public int HeadIdAdcChannel { get; set; } = 6;

        /// <summary>Gets or sets the ADC1 channel of the head NTC divider (channel 7 = GPIO35).</summary>
        public int HeadTemperatureAdcChannel { get; set; } = 7;

        /// <summary>Gets or sets the ADC1 channel of the battery divider (channel 0 = GPIO36).</summary>
        public int BatteryAdcChannel { get; set; }

        /// <summary>Gets or sets the button GPIO (active low, external pull-up).</summary>
        public int ButtonPin { get; set; } = 27;

        /// <summary>Gets or sets the USB VBUS-detect GPIO (active high through a divider).</summary>
        public int UsbPowerPin { get; set; } = 26;

        /// <summary>
        /// Gets or sets the factory jig strap GPIO (active low; the jig grounds it; external pull-up). GPIO 4: not a
        /// strapping pin and quiet at boot. (GPIO 14, the earlier choice, outputs a PWM signal during boot per the
        /// ESP32 datasheet, which a grounded jig contact would fight.)
        /// </summary>
        public int FactoryStrapPin { get; set; } = 4;

        /// <summary>
        /// Gets or sets the ESP32 touch pad on the head contact (HD-5); pad 9 = GPIO32 (ADC1 channel 4, unused). Pad 5
        /// (GPIO12, the earlier choice) is the MTDI strapping pin that selects the flash voltage: an electrode pulled
        /// high at reset would select 1.8 V flash and stop the boot.
        /// </summary>
        public int TouchPadNumber { get; set; } = 9;

        /// <summary>Gets or sets a value indicating whether skin-contact sensing pauses vibration when the head is lifted (HD-5). Off by default.</summary>
        public bool SkinContactSensing { get; set; }

        /// <summary>Gets or sets the battery divider's ratio, ADC pin voltage over cell voltage, in parts per thousand (500 = two equal resistors).</summary>
        public int BatteryDividerPerMille { get; set; } = 500;

        /// <summary>Creates the reference board's profile.</summary>
        /// <returns>A new profile with the default values.</returns>
        public static BoardProfile CreateDefault()
        {
            return new BoardProfile();
        }
    }
}
