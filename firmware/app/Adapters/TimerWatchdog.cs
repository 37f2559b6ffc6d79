using System.Threading;
using Wand.Core.Hardware;
using Wand.Core.Platform;

namespace Wand.Firmware.Adapters
{
    /// <summary>Called once when the watchdog expires; must reset the device.</summary>
    public delegate void WatchdogExpiredHandler();

    /// <summary>
    /// The device watchdog (SR-10). nanoFramework exposes no managed API to the ESP32's hardware watchdogs (neither
    /// nanoFramework.Hardware.Esp32 nor nanoFramework.Runtime.Native has one), so this adapter is a supervisor on an
    /// independent timer thread: the control loop feeds it every tick; when no feed arrives for the timeout it calls
    /// the expiry handler, which reboots the device (<c>Power.RebootDevice</c>); the reset releases the PWM output and
    /// the gate pull-down holds the motor off. (The core's own liveness check has already set duty 0 after 200 ms,
    /// SR-10, through the safety governor.) A native hang
    /// of the interpreter itself is left to the ESP-IDF task and interrupt watchdogs compiled into the nanoCLR image;
    /// through any reset the gate pull-down keeps the motor off.
    /// </summary>
    public sealed class TimerWatchdog : IWatchdog
    {
        private readonly WatchdogSupervisor _supervisor;
        private readonly WatchdogExpiredHandler _onExpired;
        private readonly Timer _timer;
        private bool _fired;

        /// <summary>Initializes a new instance of the <see cref="TimerWatchdog"/> class and starts watching.</summary>
        /// <param name="timeoutMilliseconds">Longest gap between feeds, in milliseconds (1000 by default: five times the
        /// SR-10 200 ms liveness limit, which the core enforces itself by turning the motor off).</param>
        /// <param name="checkPeriodMilliseconds">How often the timer checks, in milliseconds.</param>
        /// <param name="onExpired">What to do on expiry.</param>
        public TimerWatchdog(int timeoutMilliseconds, int checkPeriodMilliseconds, WatchdogExpiredHandler onExpired)
        {
            _supervisor = new WatchdogSupervisor(timeoutMilliseconds);
            _onExpired = onExpired;
            _timer = new Timer(Check, null, checkPeriodMilliseconds, checkPeriodMilliseconds);
        }

        /// <inheritdoc/>
        public void Feed()
        {
            _supervisor.Feed(System.Environment.TickCount64);
        }

        private void Check(object state)
        {
            if (_fired || !_supervisor.HasExpired(System.Environment.TickCount64))
            {
                return;
            }

            _fired = true;
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
            _onExpired();
        }
    }
}
