using Wand.Core.Hardware;

namespace Wand.Simulation;

/// <summary>
/// The motor PWM output. Records what the firmware wrote; the physics uses the duty clamped to 0–1, and writes
/// outside that range (or NaN) are counted, since a real LEDC driver would not accept them silently.
/// </summary>
public sealed class SimulatedMotorOutput : IMotorOutput
{
    private readonly AdapterFaultInjector faults;

    /// <summary>Initializes a new instance of the <see cref="SimulatedMotorOutput"/> class, off.</summary>
    /// <param name="faults">Fault injection.</param>
    public SimulatedMotorOutput(AdapterFaultInjector faults)
    {
        this.faults = faults;
    }

    /// <summary>Gets the duty cycle in effect, 0 to 1.</summary>
    public double DutyCycle { get; private set; }

    /// <summary>Gets the value of the last write as given, possibly out of range.</summary>
    public float LastRequested { get; private set; }

    /// <summary>Gets the number of writes.</summary>
    public long WriteCount { get; private set; }

    /// <summary>Gets the number of writes outside 0–1 or NaN.</summary>
    public long OutOfRangeWriteCount { get; private set; }

    /// <inheritdoc />
    public void SetDutyCycle(float dutyCycle)
    {
        faults.ThrowIfArmed(AdapterKind.Motor);
        WriteCount++;
        LastRequested = dutyCycle;
        if (!(dutyCycle >= 0f && dutyCycle <= 1f))
        {
            OutOfRangeWriteCount++;
            DutyCycle = dutyCycle > 1f ? 1.0 : 0.0;
            return;
        }

        DutyCycle = dutyCycle;
    }

    /// <summary>Forces the output low, as the drive pin's pull-down does through a reset (SR-10).</summary>
    internal void ForceOff()
    {
        DutyCycle = 0;
    }
}
