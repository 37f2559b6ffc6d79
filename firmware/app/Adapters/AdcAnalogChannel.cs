using System.Device.Adc;
using Wand.Core.Hardware;

namespace Wand.Firmware.Adapters
{
    /// <summary>
    /// One ADC1 input (head-ID divider, head NTC divider, battery divider). On the classic ESP32 nanoFramework reads
    /// 12-bit raw counts at 12 dB attenuation with no calibration; the core does the ratiometric maths.
    /// </summary>
    public sealed class AdcAnalogChannel : IAnalogChannel
    {
        private readonly AdcChannel _channel;

        /// <summary>Initializes a new instance of the <see cref="AdcAnalogChannel"/> class.</summary>
        /// <param name="controller">The board's single ADC controller.</param>
        /// <param name="channelNumber">nanoFramework channel number, 0 to 7 (ADC1).</param>
        public AdcAnalogChannel(AdcController controller, int channelNumber)
        {
            _channel = controller.OpenChannel(channelNumber);
        }

        /// <inheritdoc/>
        public int ReadCounts()
        {
            return _channel.ReadValue();
        }
    }
}
