using System;

namespace Wand.Simulation;

/// <summary>
/// The documented tolerances of every part in the sensor chain, the single definition that the virtual board draws
/// each unit's parts from and that the uncertainty budget in <c>hardware/limits.md</c> lists (a test checks that the
/// two agree and that the firmware's uncalibrated shifts cover the worst case). Each value is a half-width: a part is
/// drawn uniformly within ± the value.
/// </summary>
public sealed record SensorTolerances
{
    /// <summary>Gets the tolerances of the parts as specified (the budget's "documented tolerance" column).</summary>
    public static SensorTolerances Documented { get; } = new();

    /// <summary>Gets a board with exact parts and an exact ADC, for tests that isolate one effect.</summary>
    public static SensorTolerances Exact { get; } = new()
    {
        AdcGainFraction = 0,
        AdcOffsetMillivolts = 0,
        AdcNonlinearityLsb = 0,
        RailFraction = 0,
        PullUpFraction = 0,
        ThermistorNominalFraction = 0,
        ThermistorBetaFraction = 0,
        BatteryDividerResistorFraction = 0,
        HeadResistorFraction = 0,
    };

    /// <summary>
    /// Gets the ADC gain error of raw readings, as a fraction: the ESP32's reference voltage is 1100 mV by design and
    /// ranges from 1000 to 1200 mV between chips (ESP-IDF ADC documentation, "ADC Calibration"), ±9.09 %.
    /// </summary>
    public double AdcGainFraction { get; init; } = 0.0909;

    /// <summary>
    /// Gets the ADC offset, in millivolts. Espressif gives no separate raw offset; the total error after its reference
    /// correction is ±60 mV at 11 dB (ESP32 datasheet, ADC characteristics), which bounds offset plus non-linearity:
    /// ±50 mV offset and ±9 mV non-linearity.
    /// </summary>
    public double AdcOffsetMillivolts { get; init; } = 50;

    /// <summary>Gets the ADC integral non-linearity, in LSB (ESP32 datasheet, ADC characteristics: INL ±12 LSB).</summary>
    public double AdcNonlinearityLsb { get; init; } = 12;

    /// <summary>Gets the 3.3 V rail's tolerance, as a fraction (ME6211C33 LDO: output accuracy ±2 %).</summary>
    public double RailFraction { get; init; } = 0.02;

    /// <summary>Gets the tolerance of the head-ID and NTC pull-up resistors, as a fraction (10.0 kΩ 1 %, hardware/bom.csv R3, R4).</summary>
    public double PullUpFraction { get; init; } = 0.01;

    /// <summary>Gets the NTC's R25 tolerance, as a fraction (AMWEI AMF58B-103F3950: 10 kΩ ±1 %).</summary>
    public double ThermistorNominalFraction { get; init; } = 0.01;

    /// <summary>Gets the NTC's B25/50 tolerance, as a fraction (AMWEI AMF58B-103F3950: 3950 K ±1 %).</summary>
    public double ThermistorBetaFraction { get; init; } = 0.01;

    /// <summary>Gets the tolerance of each battery divider resistor, as a fraction (100 kΩ 1 %, hardware/bom.csv R5, R6).</summary>
    public double BatteryDividerResistorFraction { get; init; } = 0.01;

    /// <summary>Gets the tolerance of a head's ID resistor, as a fraction (E96 1 %, hardware/bom.csv HEAD-A…C).</summary>
    public double HeadResistorFraction { get; init; } = 0.01;

    /// <summary>Gets the tolerance of the station fixture's precision resistors that stand in for the NTC, as a fraction (0.1 % parts).</summary>
    public double ReferenceResistorFraction { get; init; } = 0.001;

    /// <summary>Gets the accuracy of the station's supply voltage as read back by its meter, in millivolts.</summary>
    public double FixtureSupplyMillivolts { get; init; } = 2;

    /// <summary>Gets one LSB of the 12-bit ADC at the firmware's nominal full scale, in millivolts.</summary>
    public static double LsbMillivolts => Wand.Core.Board.AnalogScaling.FullScaleMillivolts / (double)Wand.Core.Board.AnalogScaling.MaximumCounts;

    /// <summary>Checks the tolerances.</summary>
    /// <exception cref="ArgumentException">A value is negative or implausibly large; the message names it.</exception>
    public void Validate()
    {
        Require(AdcGainFraction is >= 0 and <= 0.2, nameof(AdcGainFraction));
        Require(AdcOffsetMillivolts is >= 0 and <= 200, nameof(AdcOffsetMillivolts));
        Require(AdcNonlinearityLsb is >= 0 and <= 100, nameof(AdcNonlinearityLsb));
        Require(RailFraction is >= 0 and <= 0.05, nameof(RailFraction));
        Require(PullUpFraction is >= 0 and <= 0.05, nameof(PullUpFraction));
        Require(ThermistorNominalFraction is >= 0 and <= 0.1, nameof(ThermistorNominalFraction));
        Require(ThermistorBetaFraction is >= 0 and <= 0.1, nameof(ThermistorBetaFraction));
        Require(BatteryDividerResistorFraction is >= 0 and <= 0.05, nameof(BatteryDividerResistorFraction));
        Require(HeadResistorFraction is >= 0 and <= 0.05, nameof(HeadResistorFraction));
        Require(ReferenceResistorFraction is >= 0 and <= 0.01, nameof(ReferenceResistorFraction));
        Require(FixtureSupplyMillivolts is >= 0 and <= 50, nameof(FixtureSupplyMillivolts));
    }

    private static void Require(bool condition, string name)
    {
        if (!condition)
        {
            throw new ArgumentException($"Sensor tolerance {name} is out of range.", name);
        }
    }
}
