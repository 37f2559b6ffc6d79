using System.Diagnostics;
using System.Threading;
using Wand.Core.Board;
using Wand.Core.Control;

namespace Wand.Firmware
{
    /// <summary>
    /// Entry point: wiring only. The boot order lives in the core's <see cref="BootSequence"/>: motor off first
    /// (SR-1), then the board profile check, the adapters, the core and BLE; then the control loop runs here.
    /// </summary>
    public static class Program
    {
        /// <summary>Period of the liveness check, in milliseconds (well inside the 200 ms of SR-10).</summary>
        public const int LivenessCheckMilliseconds = 50;

        // Held in a static field so the timer lives as long as the program.
        private static Timer s_livenessTimer;

        /// <summary>Boots the wand and runs the control loop for ever.</summary>
        public static void Main()
        {
            // Plain data: constructing the profile touches no hardware, so the motor line is still the first thing
            // the boot sequence takes.
            BoardProfile profile = BoardProfile.CreateDefault();
            DevicePlatform platform = new DevicePlatform(CoreComposition.Create);
            BootOutcome outcome = new BootSequence(platform).Run(profile);
            if (!outcome.CanRun)
            {
                // The motor is at duty 0 (or was never opened; the gate pull-down holds it off). Stay here until the
                // device is power-cycled: the watchdog counts only after its first feed, so a failed boot is not retried
                // in a reset loop. A debugger shows the fault in outcome.Fault and outcome.ProfileProblem.
                Thread.Sleep(Timeout.Infinite);
                return;
            }

            // Debug builds only: the free managed heap after boot, for the memory budget in firmware/README.md.
            Debug.WriteLine("Free heap after boot: " + nanoFramework.Runtime.Native.GC.Run(true).ToString() + " bytes");

            IControlCore core = outcome.Core;
            s_livenessTimer = new Timer(CheckLiveness, core, LivenessCheckMilliseconds, LivenessCheckMilliseconds);
            BootLoopPacer pacer = new BootLoopPacer(SafetyLimits.ControlTickMilliseconds);
            Thread.CurrentThread.Priority = ThreadPriority.AboveNormal;
            while (true)
            {
                core.Tick();
                Thread.Sleep(pacer.MillisecondsUntilNextTick(System.Environment.TickCount64));
            }
        }

        private static void CheckLiveness(object state)
        {
            // The core turns the motor off itself when the deadline was missed; the result is for diagnostics.
            ((IControlCore)state).CheckLiveness();
        }
    }
}
