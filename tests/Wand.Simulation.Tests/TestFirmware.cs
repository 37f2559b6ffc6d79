using Wand.Core.Hardware;

namespace Wand.Simulation.Tests;

/// <summary>
/// A stand-in control loop shaped like the firmware's: reads every sensor each tick, feeds the watchdog and drives
/// the motor while the button has toggled it on. Allocation-free, like the real loop must be.
/// </summary>
internal sealed class TestFirmware : IControlLoop
{
    private readonly BoardIo io;
    private bool wasPressed;
    private bool on;

    public TestFirmware(BoardIo io, float duty = 0.7f)
    {
        this.io = io;
        Duty = duty;
        io.Motor.SetDutyCycle(0);
    }

    public float Duty { get; set; }

    public bool FeedWatchdog { get; set; } = true;

    public int Ticks { get; private set; }

    public int LivenessChecks { get; private set; }

    public long Checksum { get; private set; }

    public long LastTickTime { get; private set; }

    public void Tick()
    {
        Ticks++;
        LastTickTime = io.Clock.MillisecondsSinceBoot;
        Checksum = (Checksum * 31) + io.HeadId.ReadCounts() + io.HeadTemperature.ReadCounts() + io.Battery.ReadCounts();
        bool pressed = io.Button.IsActive;
        if (pressed && !wasPressed)
        {
            on = !on;
        }

        wasPressed = pressed;
        io.Motor.SetDutyCycle(on && !io.UsbPower.IsActive ? Duty : 0f);
        if (FeedWatchdog)
        {
            io.Watchdog.Feed();
        }
    }

    public void CheckLiveness()
    {
        LivenessChecks++;
    }
}
