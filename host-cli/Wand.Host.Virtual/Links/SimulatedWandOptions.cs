using Wand.Protocol.Vocabulary;
using Wand.Simulation;

namespace Wand.Host.Links.Simulated;

/// <summary>How virtual time advances in an in-process virtual wand.</summary>
public enum SimulatedClockMode
{
    /// <summary>Time advances only as requests need it (one control tick per request) or when asked to: as fast as possible.</summary>
    Virtual,

    /// <summary>A background loop keeps virtual time in step with the wall clock, as a real wand would run.</summary>
    RealTime,
}

/// <summary>
/// The world an in-process virtual wand (address <c>sim</c>) starts in.
/// </summary>
public sealed record SimulatedWandOptions
{
    /// <summary>Gets the head attached at boot; <see cref="HeadIdentity.None"/> for none.</summary>
    public HeadIdentity Head { get; init; } = HeadIdentity.SoftDome;

    /// <summary>Gets the cell's open-circuit voltage at boot, 3.0 to 4.2 V.</summary>
    public double BatteryVolts { get; init; } = 3.9;

    /// <summary>Gets a forced head temperature in °C, or <c>null</c> to run the thermal model from 25 °C ambient.</summary>
    public double? TemperatureCelsius { get; init; }

    /// <summary>Gets a value indicating whether USB power is plugged in at boot.</summary>
    public bool UsbPlugged { get; init; }

    /// <summary>Gets a value indicating whether the factory jig strap is fitted at boot (factory mode, SR-15).</summary>
    public bool FactoryMode { get; init; }

    /// <summary>Gets a value indicating whether the unit boots with an ideal factory calibration (false: no record, safe defaults).</summary>
    public bool Calibrated { get; init; } = true;

    /// <summary>
    /// Gets a value indicating whether the unit boots with the sensor calibration a perfect station would have written
    /// (SR-18); <c>false</c> for a unit without one (limits shifted by the uncalibrated worst case).
    /// </summary>
    public bool SensorCalibrated { get; init; } = true;

    /// <summary>Gets the seed of part tolerances and noise.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// Gets the motor the factory calibration was computed for when <see cref="Calibrated"/> is set, or <c>null</c> for the
    /// fitted motor (a correct calibration). Another motor's parameters give a miscalibrated unit, as when a record is
    /// written to the wrong wand.
    /// </summary>
    public ErmMotorParameters? CalibrationMotor { get; init; }

    /// <summary>
    /// Gets the serial number provisioned at the factory (Device Information), 1 to 16 characters of A-Z, 0-9 and '-';
    /// <c>null</c> or empty for an unprovisioned unit.
    /// </summary>
    public string? SerialNumber { get; init; } = "SIM-0001";

    /// <summary>Gets the motor parameters; <see cref="ErmMotorParameters.Nominal"/> by default.</summary>
    public ErmMotorParameters Motor { get; init; } = ErmMotorParameters.Nominal;

    /// <summary>Gets the relative spread drawn on the motor parameters, 0 to 0.5 (0.25 for a ±25 % population).</summary>
    public double MotorSpread { get; init; }

    /// <summary>Gets the production defect seeded into the unit's parts (<c>defect=</c>; <see cref="BoardDefects.Catalogue"/>).</summary>
    public BoardDefect Defect { get; init; }

    /// <summary>Gets how virtual time advances.</summary>
    public SimulatedClockMode ClockMode { get; init; } = SimulatedClockMode.Virtual;
}
