using System;
using Wand.Core.Board;

namespace Wand.Simulation;

/// <summary>
/// The head NTC divider (<see cref="ThermistorParameters"/>): fixed resistor from the 3.3 V rail to the pin, NTC from
/// the pin to ground, R(T) = R₀·e^(β(1/T − 1/T₀)) (https://en.wikipedia.org/wiki/Thermistor#B_or_%CE%B2_parameter_equation). Reads the thermal model's temperature,
/// or a forced one, with open, shorted and stuck faults.
/// </summary>
public sealed class NtcChannel : SimulatedAnalogChannel
{
    private const double KelvinOffset = 273.15;

    private readonly HeadThermalModel thermal;
    private readonly double railVolts;
    private readonly double nominalOhms;
    private readonly double inverseReferenceKelvin;
    private readonly double beta;
    private readonly double pullUpOhms;
    private double cachedCelsius = double.NaN;
    private double cachedPinVolts;
    private double? forcedCelsius;
    private NtcFault fault;

    /// <summary>Initializes a new instance of the <see cref="NtcChannel"/> class.</summary>
    /// <param name="converter">The board's ADC.</param>
    /// <param name="faults">Fault injection.</param>
    /// <param name="parameters">The NTC and divider.</param>
    /// <param name="thermal">The head's thermal model.</param>
    /// <param name="railVolts">This board's rail, in volts.</param>
    public NtcChannel(AnalogConverter converter, AdapterFaultInjector faults, ThermistorParameters parameters, HeadThermalModel thermal, double railVolts)
        : base(converter, faults, AdapterKind.HeadTemperature)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        this.thermal = thermal ?? throw new ArgumentNullException(nameof(thermal));
        this.railVolts = railVolts;
        nominalOhms = parameters.NominalOhms;
        inverseReferenceKelvin = 1.0 / ((parameters.ReferenceMillidegrees / 1000.0) + KelvinOffset);
        beta = parameters.BetaKelvin;
        pullUpOhms = parameters.PullUpOhms;
    }

    /// <summary>Gets or sets a forced sensor temperature, in °C (−40 to 125), or <c>null</c> to read the thermal model.</summary>
    public double? ForcedCelsius
    {
        get => forcedCelsius;
        set
        {
            if (value is < -40 or > 125 || (value.HasValue && double.IsNaN(value.Value)))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A forced NTC temperature must be −40 to 125 °C.");
            }

            forcedCelsius = value;
        }
    }

    /// <summary>Gets or sets the sensor fault. <see cref="NtcFault.Stuck"/> freezes the present reading; <see cref="NtcFault.None"/> releases it.</summary>
    public NtcFault Fault
    {
        get => fault;
        set
        {
            if (value == NtcFault.Stuck)
            {
                Freeze();
            }
            else if (fault == NtcFault.Stuck)
            {
                ForceCounts(null);
            }

            fault = value;
        }
    }

    /// <summary>Gets the temperature the sensor is exposed to, in °C.</summary>
    public double SensedCelsius => forcedCelsius ?? thermal.TemperatureCelsius;

    /// <inheritdoc />
    public override double PinVolts
    {
        get
        {
            switch (fault)
            {
                case NtcFault.Open:
                    return railVolts;
                case NtcFault.Shorted:
                    return 0;
                default:
                    double celsius = SensedCelsius;
                    if (celsius != cachedCelsius)
                    {
                        double ohms = ResistanceAt(celsius);
                        cachedPinVolts = railVolts * ohms / (ohms + pullUpOhms);
                        cachedCelsius = celsius;
                    }

                    return cachedPinVolts;
            }
        }
    }

    /// <summary>The NTC's resistance at a temperature (Beta equation).</summary>
    /// <param name="celsius">Temperature, in °C.</param>
    /// <returns>Resistance, in ohms.</returns>
    public double ResistanceAt(double celsius)
    {
        return nominalOhms * Math.Exp(beta * ((1.0 / (celsius + KelvinOffset)) - inverseReferenceKelvin));
    }

    /// <summary>The temperature at which the NTC has a resistance (inverse Beta equation).</summary>
    /// <param name="ohms">Resistance, in ohms, more than 0.</param>
    /// <returns>Temperature, in °C.</returns>
    public double TemperatureAt(double ohms)
    {
        return (1.0 / (inverseReferenceKelvin + (Math.Log(ohms / nominalOhms) / beta))) - KelvinOffset;
    }
}
