using nanoFramework.Hardware.Esp32.Touch;
using Wand.Core.Hardware;

namespace Wand.Firmware.Adapters
{
    /// <summary>
    /// Skin-contact sense on the head (HD-5) through an ESP32 touch pad, used only when the board profile enables it.
    /// On the classic ESP32 a touch lowers the reading; the threshold is two thirds of the untouched calibration value
    /// taken at boot (nanoFramework.Hardware.Esp32 README guidance), so the head must not be held during power-on.
    /// </summary>
    public sealed class TouchPadSensor : ITouchSensor
    {
        private readonly TouchPad _pad;
        private readonly uint _threshold;

        /// <summary>Initializes a new instance of the <see cref="TouchPadSensor"/> class and calibrates it.</summary>
        /// <param name="padNumber">Touch pad number, 0 to 9.</param>
        public TouchPadSensor(int padNumber)
        {
            _pad = new TouchPad(padNumber);
            int calibration = _pad.GetCalibrationData(10);
            _threshold = (uint)(calibration * 2 / 3);
        }

        /// <inheritdoc/>
        public bool IsTouching
        {
            get { return _pad.Read() < _threshold; }
        }
    }
}
