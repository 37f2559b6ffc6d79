using System;

namespace Wand.Simulation;

/// <summary>How a <see cref="VirtualBoard"/> is built: seed, part populations and initial world. Every default is a typical unit.</summary>
public sealed record VirtualBoardOptions
{
    /// <summary>Gets the seed of every random draw; equal seeds give identical runs.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// Gets the fixed physics step, in milliseconds, 1 to 20. The default 5 ms is four steps per control tick: the drive
    /// only changes at ticks, so finer steps change results by far less than the parts' tolerances and cost speed.
    /// </summary>
    public int PhysicsStepMilliseconds { get; init; } = 5;

    /// <summary>Gets the motor's nominal parameters.</summary>
    public ErmMotorParameters Motor { get; init; } = ErmMotorParameters.Nominal;

    /// <summary>Gets the motor population spread: start voltage, gain and time constant each vary by ± this fraction (0 to 0.5; 0.25 for population tests).</summary>
    public double MotorSpread { get; init; }

    /// <summary>Gets the head's thermal parameters.</summary>
    public ThermalParameters Thermal { get; init; } = ThermalParameters.Nominal;

    /// <summary>Gets the cell's parameters.</summary>
    public CellParameters Cell { get; init; } = CellParameters.Nominal;

    /// <summary>Gets the initial ambient temperature, in °C.</summary>
    public double AmbientCelsius { get; init; } = 25;

    /// <summary>Gets the initial open-circuit cell voltage, 3.0 to 4.2 V.</summary>
    public double BatteryVolts { get; init; } = 3.9;

    /// <summary>Gets a value indicating whether the board's ADC has drawn fixed errors (within <see cref="Tolerances"/>); <c>false</c> for an ideal converter.</summary>
    public bool AdcError { get; init; } = true;

    /// <summary>Gets the tolerances every part of the sensor chain is drawn from (rail, pull-ups, NTC, dividers, ADC).</summary>
    public SensorTolerances Tolerances { get; init; } = SensorTolerances.Documented;

    /// <summary>
    /// Gets a value indicating whether the board leaves the factory with its sensor calibration (SR-18) stored, as the
    /// station measures it; <c>false</c> for a unit that never had one (its limits are shifted by the uncalibrated
    /// worst case).
    /// </summary>
    public bool SensorCalibrated { get; init; } = true;

    /// <summary>Gets the standard deviation of per-read ADC noise, in millivolts (bounded at ±3.46 σ).</summary>
    public double AdcNoiseMillivolts { get; init; } = 4;

    /// <summary>Gets the standard deviation of the fixture accelerometer's noise, in g.</summary>
    public double AccelerometerNoiseG { get; init; } = 0.005;

    /// <summary>Gets the hardware watchdog's timeout, in milliseconds.</summary>
    public long WatchdogTimeoutMilliseconds { get; init; } = 1000;

    /// <summary>Gets a value indicating whether a touch pad is fitted even if the profile does not enable skin-contact sensing.</summary>
    public bool TouchSensorFitted { get; init; }

    /// <summary>Gets the production defect seeded into this board's parts (<see cref="BoardDefects"/>); <see cref="BoardDefect.None"/> for a good unit.</summary>
    public BoardDefect Defect { get; init; }

    /// <summary>Gets the catalogue position of the head attached at start, or −1 for none.</summary>
    public int InitialHeadIndex { get; init; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        if (PhysicsStepMilliseconds is < 1 or > 20)
        {
            throw new ArgumentException("PhysicsStepMilliseconds must be 1 to 20 ms.", nameof(PhysicsStepMilliseconds));
        }

        if (!(MotorSpread >= 0 && MotorSpread <= 0.5))
        {
            throw new ArgumentException("MotorSpread must be 0 to 0.5.", nameof(MotorSpread));
        }

        if (Tolerances is null)
        {
            throw new ArgumentException("Tolerances must be set.", nameof(Tolerances));
        }

        Tolerances.Validate();

        if (!(AmbientCelsius >= -40 && AmbientCelsius <= 85))
        {
            throw new ArgumentException("AmbientCelsius must be −40 to 85 °C.", nameof(AmbientCelsius));
        }
    }
}
