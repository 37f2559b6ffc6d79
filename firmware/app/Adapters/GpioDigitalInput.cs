using System.Device.Gpio;
using Wand.Core.Hardware;

namespace Wand.Firmware.Adapters
{
    /// <summary>
    /// A raw logic input read by polling (button, USB VBUS detect, factory strap), corrected for polarity. Debouncing
    /// is done above it: <c>Wand.Core.Platform.DebouncedInput</c> for USB and strap, the session manager for the button.
    /// </summary>
    public sealed class GpioDigitalInput : IDigitalInput
    {
        private readonly GpioPin _pin;
        private readonly bool _activeLow;

        /// <summary>Initializes a new instance of the <see cref="GpioDigitalInput"/> class.</summary>
        /// <param name="controller">The board's GPIO controller.</param>
        /// <param name="pinNumber">The GPIO.</param>
        /// <param name="activeLow"><c>true</c> when a low level means asserted (button and strap pull to ground).</param>
        /// <param name="mode">Input mode: <see cref="PinMode.Input"/> with an external resistor (always on GPIO 34–39,
        /// which have no internal pulls), or <see cref="PinMode.InputPullUp"/>/<see cref="PinMode.InputPullDown"/>.</param>
        public GpioDigitalInput(GpioController controller, int pinNumber, bool activeLow, PinMode mode)
        {
            _pin = controller.OpenPin(pinNumber, mode);
            _activeLow = activeLow;
        }

        /// <inheritdoc/>
        public bool IsActive
        {
            get
            {
                bool high = _pin.Read() == PinValue.High;
                return _activeLow ? !high : high;
            }
        }
    }
}
