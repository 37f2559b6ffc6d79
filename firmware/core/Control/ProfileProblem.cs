namespace Wand.Core.Control
{
    /// <summary>A board-profile pin choice that the classic ESP32 (ESP32-WROOM-32) cannot use safely.</summary>
    public enum ProfileProblem
    {
        /// <summary>The pin map is usable.</summary>
        None = 0,

        /// <summary>The motor pin cannot drive an output (GPIO 34–39 are input-only; 6–11 belong to the flash; others do not exist).</summary>
        MotorPinNotOutput = 1,

        /// <summary>The motor pin is a strapping pin or one that toggles during boot (0, 1, 2, 3, 5, 12, 14, 15): the motor could pulse at reset.</summary>
        MotorPinTogglesAtBoot = 2,

        /// <summary>An ADC channel is not an external ADC1 channel (nanoFramework channels 0–7); ADC2 is unusable while the radio runs.</summary>
        AdcChannelNotAdc1 = 3,

        /// <summary>Two ADC roles share one channel.</summary>
        AdcChannelShared = 4,

        /// <summary>An input pin is a flash pin, does not exist, or is a strapping pin that a switch could hold at reset.</summary>
        InputPinUnusable = 5,

        /// <summary>The touch pad number is outside 0–9, or its GPIO is a strapping pin (pads 1, 2, 3, 5).</summary>
        TouchPadUnusable = 6,

        /// <summary>Two roles share one GPIO (including the GPIO behind an ADC channel or the touch pad).</summary>
        PinShared = 7,

        /// <summary>The PWM frequency is outside 1 kHz–40 kHz (MD-1 asks for 25 kHz).</summary>
        PwmFrequencyOutOfRange = 8,
    }
}
