namespace Wand.Core.Hardware
{
    /// <summary>
    /// Optional skin-contact sense on the head (HD-5), an ESP32 touch pad. Used only when the board profile enables it.
    /// </summary>
    public interface ITouchSensor
    {
        /// <summary>
        /// Gets a value indicating whether the head is in contact with skin.
        /// </summary>
        bool IsTouching { get; }
    }
}
