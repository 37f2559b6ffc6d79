using Wand.Core.Hardware;
using Wand.Protocol.Codec;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Core.Gatt
{
    /// <summary>
    /// Notifications of status, head and battery level, rate-limited so a burst of changes cannot flood the link:
    /// status at most every 250 ms on change and at least every second during a session; head on change at most every
    /// 250 ms; battery level on change at most every 10 s. Sensor noise is not a change: status fields that noise moves
    /// (head temperature, battery voltage) count as changed only past their hysteresis
    /// (<see cref="WandProfile.StatusTemperatureHysteresisCentidegrees"/>, <see cref="WandProfile.StatusBatteryHysteresisMillivolts"/>)
    /// from the last notified value; the notified value is then exact.
    /// </summary>
    public sealed partial class WandGattServer
    {
        private readonly byte[] lastStatus = new byte[WandProfile.MaximumValueLength];
        private readonly byte[] lastHead = new byte[WandProfile.MaximumValueLength];
        private readonly byte[] lastBattery = new byte[WandProfile.MaximumValueLength];
        private int lastStatusLength = -1;
        private int lastHeadLength = -1;
        private int lastBatteryLength = -1;
        private long lastStatusTime = long.MinValue / 2;
        private long lastHeadTime = long.MinValue / 2;
        private long lastBatteryTime = long.MinValue / 2;

        /// <summary>
        /// Sends the notifications that are due. Call after every control tick.
        /// </summary>
        /// <param name="now">Milliseconds since boot.</param>
        public void Poll(long now)
        {
            lock (sync)
            {
                if (!connected)
                {
                    return;
                }

                bool warning = controller.TakeWarningEvent();
                bool running = controller.SessionState != SessionState.Idle;
                PollOne(WandProfile.StatusIndex, now, lastStatus, ref lastStatusLength, ref lastStatusTime, WandProfile.StatusNotifyIntervalMilliseconds, running || warning ? WandProfile.StatusHeartbeatMilliseconds : 0, warning);
                PollOne(WandProfile.HeadIndex, now, lastHead, ref lastHeadLength, ref lastHeadTime, WandProfile.StatusNotifyIntervalMilliseconds, 0, false);
                PollOne(WandProfile.BatteryLevelIndex, now, lastBattery, ref lastBatteryLength, ref lastBatteryTime, WandProfile.BatteryNotifyIntervalMilliseconds, 0, false);
                PollRoutine(now);
            }
        }

        private void PollOne(int characteristicIndex, long now, byte[] last, ref int lastLength, ref long lastTime, int minimumInterval, int heartbeat, bool urgent)
        {
            if (!subscriptions[characteristicIndex])
            {
                return;
            }

            long since = now - lastTime;
            if (since < minimumInterval && !urgent)
            {
                return;
            }

            int length = Encode(characteristicIndex, scratch);
            bool changed = length != lastLength || (characteristicIndex == WandProfile.StatusIndex ? !SameStatus(scratch, last) : !SameBytes(scratch, last, length));
            bool heartbeatDue = heartbeat > 0 && since >= heartbeat;
            if (!changed && !heartbeatDue && !urgent)
            {
                return;
            }

            for (int index = 0; index < length; index++)
            {
                last[index] = scratch[index];
            }

            lastLength = length;
            lastTime = now;
            sink.Notify(characteristicIndex, last, length);
        }

        private void ForgetNotified(int characteristicIndex)
        {
            if (characteristicIndex == WandProfile.StatusIndex)
            {
                lastStatusLength = -1;
            }
            else if (characteristicIndex == WandProfile.HeadIndex)
            {
                lastHeadLength = -1;
            }
            else if (characteristicIndex == WandProfile.BatteryLevelIndex)
            {
                lastBatteryLength = -1;
            }
            else if (characteristicIndex == WandProfile.RoutineIndex)
            {
                lastRoutineLength = -1;
            }
        }

        /// <summary>Compares two encoded status values, with the noise hysteresis on temperature and battery voltage.</summary>
        private static bool SameStatus(byte[] current, byte[] notified)
        {
            for (int index = 0; index < StatusReport.Length; index++)
            {
                bool noisy = index == StatusReport.BatteryMillivoltsOffset || index == StatusReport.BatteryMillivoltsOffset + 1
                    || index == StatusReport.HeadTemperatureOffset || index == StatusReport.HeadTemperatureOffset + 1;
                if (!noisy && current[index] != notified[index])
                {
                    return false;
                }
            }

            int temperatureChange = LittleEndian.ReadInt16(current, StatusReport.HeadTemperatureOffset) - LittleEndian.ReadInt16(notified, StatusReport.HeadTemperatureOffset);
            int batteryChange = LittleEndian.ReadUInt16(current, StatusReport.BatteryMillivoltsOffset) - LittleEndian.ReadUInt16(notified, StatusReport.BatteryMillivoltsOffset);
            return temperatureChange < WandProfile.StatusTemperatureHysteresisCentidegrees && temperatureChange > -WandProfile.StatusTemperatureHysteresisCentidegrees
                && batteryChange < WandProfile.StatusBatteryHysteresisMillivolts && batteryChange > -WandProfile.StatusBatteryHysteresisMillivolts;
        }

        private static bool SameBytes(byte[] first, byte[] second, int length)
        {
            for (int index = 0; index < length; index++)
            {
                if (first[index] != second[index])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
