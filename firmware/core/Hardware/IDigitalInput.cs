namespace Wand.Core.Hardware
{
    /// <summary>
    /// One logic-level input (button, USB VBUS detect, factory jig strap), already corrected for polarity.
    /// Debouncing of the button happens in the core, not here.
    /// </summary>
    public interface IDigitalInput
    {
        /// <summary>
        /// Gets a value indicating whether the input is asserted: the button is pressed, USB power is present,
        /// or the factory strap is fitted.
        /// </summary>
        bool IsActive { get; }
    }
}
