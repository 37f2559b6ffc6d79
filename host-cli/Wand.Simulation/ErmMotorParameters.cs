using System;

namespace Wand.Simulation;

/// <summary>
/// One ERM coin motor's parameters. Nominal values follow a 10 mm 3 V coin motor (Precision Microdrives
/// 304-121 and Jinlong Z3OC1T8219731 datasheets: 2.3–2.8 V start, ~12,000 rpm at 3 V, 34.5 Ω terminal resistance, 40–60 mA running current, rise time of tens of ms).
/// </summary>
public sealed record ErmMotorParameters
{
    /// <summary>Gets the nominal motor: what a datasheet describes.</summary>
    public static ErmMotorParameters Nominal { get; } = new();

    /// <summary>Gets the voltage that starts the rotor from standstill (breakaway), in volts; 2.2 V nominal.</summary>
    public double StartVolts { get; init; } = 2.2;

    /// <summary>Gets the voltage below which a spinning rotor runs down and stops, in volts; below <see cref="StartVolts"/>.</summary>
    public double SustainVolts { get; init; } = 1.2;

    /// <summary>Gets the steady-state speed gained per volt above <see cref="SustainVolts"/>, in rpm per volt.</summary>
    public double SpeedGainRpmPerVolt { get; init; } = 6700;

    /// <summary>Gets the mechanical time constant of the first-order speed response, in milliseconds.</summary>
    public double TimeConstantMilliseconds { get; init; } = 40;

    /// <summary>Gets the winding's terminal resistance, in ohms (PMD 304-121: 34.5 Ω).</summary>
    public double TerminalResistanceOhms { get; init; } = 34.5;

    /// <summary>
    /// Gets the back-EMF constant, in volts per 1000 rpm. 0.077 V/krpm gives about 60 mA at 3 V and 12,000 rpm, the
    /// running current of a 10 mm coin motor (Adafruit 1201: 60 mA at 3 V).
    /// </summary>
    public double BackEmfVoltsPerThousandRpm { get; init; } = 0.077;

    /// <summary>Gets the speed at which <see cref="ReferenceAmplitudeG"/> is reached, in rpm.</summary>
    public double ReferenceSpeedRpm { get; init; } = 12000;

    /// <summary>Gets the vibration amplitude at the head at <see cref="ReferenceSpeedRpm"/>, in g (peak); amplitude ∝ speed².</summary>
    public double ReferenceAmplitudeG { get; init; } = 0.8;

    /// <summary>Gets the speed below which a rotor that is not driven to at least this speed counts as stopped, in rpm.</summary>
    public double StopSpeedRpm { get; init; } = 300;

    /// <summary>
    /// Draws one unit from a population: start voltage, speed gain and time constant each vary uniformly by ±
    /// <paramref name="spread"/>. The sustain voltage scales with the start voltage (both come from the same friction).
    /// </summary>
    /// <param name="random">The draw's source.</param>
    /// <param name="spread">Relative spread, 0 to 0.5 (0.25 for the ±25 % population of MD-5).</param>
    /// <returns>A new parameter set.</returns>
    public ErmMotorParameters Draw(SimulationRandom random, double spread)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!(spread >= 0 && spread <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(spread), spread, "Spread must be 0 to 0.5.");
        }

        double startFactor = random.NextFactor(spread);
        double gainFactor = random.NextFactor(spread);
        double timeFactor = random.NextFactor(spread);
        return this with
        {
            StartVolts = StartVolts * startFactor,
            SustainVolts = SustainVolts * startFactor,
            SpeedGainRpmPerVolt = SpeedGainRpmPerVolt * gainFactor,
            TimeConstantMilliseconds = TimeConstantMilliseconds * timeFactor,
        };
    }

    /// <summary>Gets the steady-state speed of a running rotor at a drive voltage, in rpm.</summary>
    /// <param name="driveVolts">Average voltage across the motor, in volts.</param>
    /// <returns>Speed, 0 when at or below <see cref="SustainVolts"/>.</returns>
    public double SteadyStateSpeedRpm(double driveVolts)
    {
        return driveVolts > SustainVolts ? SpeedGainRpmPerVolt * (driveVolts - SustainVolts) : 0;
    }

    /// <summary>Gets the vibration amplitude at the head at a rotor speed, in g (peak).</summary>
    /// <param name="speedRpm">Rotor speed, in rpm.</param>
    /// <returns>Amplitude, ∝ speed².</returns>
    public double AmplitudeAt(double speedRpm)
    {
        double ratio = speedRpm / ReferenceSpeedRpm;
        return ReferenceAmplitudeG * ratio * ratio;
    }

    /// <summary>Checks that the parameters describe a physical motor.</summary>
    /// <exception cref="ArgumentException">A parameter is out of range; the message names it.</exception>
    public void Validate()
    {
        Require(SustainVolts > 0 && SustainVolts < StartVolts, nameof(SustainVolts), "must be above 0 and below the start voltage");
        Require(StartVolts < 10, nameof(StartVolts), "must be below 10 V");
        Require(SpeedGainRpmPerVolt > 0, nameof(SpeedGainRpmPerVolt), "must be positive");
        Require(TimeConstantMilliseconds >= 1, nameof(TimeConstantMilliseconds), "must be at least 1 ms");
        Require(TerminalResistanceOhms > 0, nameof(TerminalResistanceOhms), "must be positive");
        Require(BackEmfVoltsPerThousandRpm >= 0, nameof(BackEmfVoltsPerThousandRpm), "must not be negative");
        Require(ReferenceSpeedRpm > 0 && ReferenceAmplitudeG > 0, nameof(ReferenceAmplitudeG), "reference speed and amplitude must be positive");
        Require(StopSpeedRpm > 0, nameof(StopSpeedRpm), "must be positive");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException("Motor parameter " + name + " " + rule + ".", name);
        }
    }
}
