using System;

namespace Wand.Simulation;

/// <summary>
/// An ERM coin motor in fixed time steps. From standstill the rotor breaks away only at or above the start voltage;
/// once spinning it follows a first-order lag towards a speed that rises linearly with voltage above the sustain
/// voltage, and runs down and stops below it. Vibration amplitude at the head rises with speed squared (F = m·r·ω²).
/// The step factors 1 − e^(−Δt/τ) are computed once for every whole-millisecond step up to the fixed step, so a step
/// costs a few multiplications and allocates nothing.
/// </summary>
public sealed class ErmMotor
{
    private readonly double[] approachFactors;
    private readonly double speedGain;
    private readonly double sustainVolts;
    private readonly double startVolts;
    private readonly double stopSpeed;
    private readonly double backEmfPerRpm;
    private readonly double conductance;
    private readonly double amplitudePerSquareRpm;

    /// <summary>Initializes a new instance of the <see cref="ErmMotor"/> class at standstill.</summary>
    /// <param name="parameters">The unit's parameters.</param>
    /// <param name="stepMilliseconds">The fixed integration step, in milliseconds, 1 to 100.</param>
    public ErmMotor(ErmMotorParameters parameters, int stepMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        if (stepMilliseconds is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(stepMilliseconds), stepMilliseconds, "Step must be 1 to 100 ms.");
        }

        Parameters = parameters;
        StepMilliseconds = stepMilliseconds;
        approachFactors = new double[stepMilliseconds + 1];
        for (int milliseconds = 1; milliseconds <= stepMilliseconds; milliseconds++)
        {
            approachFactors[milliseconds] = 1.0 - Math.Exp(-milliseconds / parameters.TimeConstantMilliseconds);
        }

        speedGain = parameters.SpeedGainRpmPerVolt;
        sustainVolts = parameters.SustainVolts;
        startVolts = parameters.StartVolts;
        stopSpeed = parameters.StopSpeedRpm;
        backEmfPerRpm = parameters.BackEmfVoltsPerThousandRpm / 1000.0;
        conductance = 1.0 / parameters.TerminalResistanceOhms;
        amplitudePerSquareRpm = parameters.ReferenceAmplitudeG / (parameters.ReferenceSpeedRpm * parameters.ReferenceSpeedRpm);
    }

    /// <summary>Gets the unit's parameters.</summary>
    public ErmMotorParameters Parameters { get; }

    /// <summary>Gets the fixed integration step, in milliseconds.</summary>
    public int StepMilliseconds { get; }

    /// <summary>Gets the rotor speed, in rpm, 0 or more.</summary>
    public double SpeedRpm { get; private set; }

    /// <summary>Gets a value indicating whether the rotor is turning (broken away and not yet stopped).</summary>
    public bool IsRunning { get; private set; }

    /// <summary>Gets the vibration frequency, in hertz (rpm / 60).</summary>
    public double FrequencyHertz => SpeedRpm / 60.0;

    /// <summary>Gets the vibration amplitude at the head, in g (peak), ∝ speed².</summary>
    public double AmplitudeG => amplitudePerSquareRpm * SpeedRpm * SpeedRpm;

    /// <summary>Gets the back-EMF at the present speed, in volts.</summary>
    public double BackEmfVolts => backEmfPerRpm * SpeedRpm;

    /// <summary>Gets the average voltage applied during the last step, in volts.</summary>
    public double DriveVolts { get; private set; }

    /// <summary>Gets the average winding current during the last step, in amperes (0 while the diode blocks).</summary>
    public double CurrentAmperes { get; private set; }

    /// <summary>Gets the winding's I²R loss during the last step, in watts.</summary>
    public double CopperLossWatts => CurrentAmperes * CurrentAmperes * Parameters.TerminalResistanceOhms;

    /// <summary>Gets the mechanical power (back-EMF × current) during the last step, in watts; it ends up as friction and vibration heat.</summary>
    public double MechanicalWatts => BackEmfVolts * CurrentAmperes;

    /// <summary>Gets the winding current that a drive voltage would draw at the present speed, in amperes.</summary>
    /// <param name="driveVolts">Average motor voltage, in volts.</param>
    /// <returns>Current, 0 or more.</returns>
    public double CurrentAt(double driveVolts)
    {
        double current = (driveVolts - (backEmfPerRpm * SpeedRpm)) * conductance;
        return current > 0 ? current : 0;
    }

    /// <summary>Advances the rotor by one fixed step at a constant average drive voltage.</summary>
    /// <param name="driveVolts">Average voltage across the motor (duty × supply), in volts, 0 or more.</param>
    public void Step(double driveVolts)
    {
        Step(driveVolts, StepMilliseconds);
    }

    /// <summary>Advances the rotor by a shorter step (the remainder of a span) at a constant average drive voltage.</summary>
    /// <param name="driveVolts">Average voltage across the motor (duty × supply), in volts, 0 or more.</param>
    /// <param name="milliseconds">Step length, 1 to <see cref="StepMilliseconds"/>.</param>
    public void Step(double driveVolts, int milliseconds)
    {
        DriveVolts = driveVolts;
        CurrentAmperes = CurrentAt(driveVolts);
        if (!IsRunning)
        {
            if (driveVolts < startVolts)
            {
                return;
            }

            IsRunning = true;
        }

        double target = driveVolts > sustainVolts ? speedGain * (driveVolts - sustainVolts) : 0;
        double speed = SpeedRpm + ((target - SpeedRpm) * approachFactors[milliseconds]);
        if (speed < stopSpeed && target < stopSpeed)
        {
            speed = 0;
            IsRunning = false;
        }

        SpeedRpm = speed;
    }

    /// <summary>Stops the rotor at once (a reset of the simulation, not a physical event).</summary>
    public void Reset()
    {
        SpeedRpm = 0;
        IsRunning = false;
        DriveVolts = 0;
        CurrentAmperes = 0;
    }
}
