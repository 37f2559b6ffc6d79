namespace Wand.Core.Hardware
{
    /// <summary>
    /// One ADC input: the head-ID divider, the head NTC divider or the battery divider.
    /// </summary>
    public interface IAnalogChannel
    {
        /// <summary>
        /// Takes one raw conversion.
        /// </summary>
        /// <returns>Raw ADC counts, 0 to <see cref="Wand.Core.Board.AnalogScaling.MaximumCounts"/> (4095 for the ESP32's 12-bit ADC).</returns>
        int ReadCounts();
    }
}
