using Wand.Core.Board;
using Wand.Protocol.Factory;
using Wand.Protocol.Vocabulary;

namespace Wand.Core.Gatt
{
    /// <summary>
    /// The factory self-test: plausibility of every sensor reading and of the calibration, judged on the values of the
    /// last control tick. It never drives the motor.
    /// </summary>
    public sealed partial class WandGattServer
    {
        private void RunSelfTest()
        {
            SelfTestChecks failed = SelfTestChecks.None;
            HeadIdentity reading = controller.HeadReading;
            if (reading == HeadIdentity.Shorted || reading == HeadIdentity.Unknown)
            {
                failed |= SelfTestChecks.HeadIdentity;
            }

            int thermistor = controller.ThermistorCounts;
            if (thermistor <= 0 || thermistor >= AnalogScaling.MaximumCounts || controller.ActiveFault == FaultCode.ThermalSensor)
            {
                failed |= SelfTestChecks.Thermistor;
            }

            int battery = controller.BatteryMillivolts;
            if (battery < 3000 || battery > 4300)
            {
                failed |= SelfTestChecks.BatteryVoltage;
            }

            if (!controller.IsCalibrated)
            {
                failed |= SelfTestChecks.Calibration;
            }

            selfTest.ChecksRun = SelfTestChecks.HeadIdentity | SelfTestChecks.Thermistor | SelfTestChecks.BatteryVoltage | SelfTestChecks.Calibration;
            selfTest.ChecksFailed = failed;
            selfTest.State = failed == SelfTestChecks.None ? SelfTestState.Passed : SelfTestState.Failed;
        }
    }
}
