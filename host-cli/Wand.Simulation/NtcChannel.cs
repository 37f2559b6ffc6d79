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
    private double? substituteOhms;

    /// <summary>Initializes a new instance of the <see cref="NtcChannel"/> class.</summary>
    /// <param name="converter">The board's ADC.</param>
    /// <param name="faults">Fault injection.</param>
    /// <param name="parameters">The NTC and divider.</param>
    /// <param name="thermal">The head's thermal model.</param>
    /// <param name="railVolts">This board's rail, in volts.</param>
    /// <param name="nominalFactor">This NTC's R25 over the nominal (1.01 = 1 % high).</param>
    /// <param name="betaFactor">This NTC's B over the nominal.</param>
    /// <param name="pullUpFactor">This board's pull-up over the nominal.</param>
    public NtcChannel(AnalogConverter converter, AdapterFaultInjector faults, ThermistorParameters parameters, HeadThermalModel thermal, double railVolts, double nominalFactor = 1, double betaFactor = 1, double pullUpFactor = 1)
        : base(converter, faults, AdapterKind.HeadTemperature)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        this.thermal = thermal ?? throw new ArgumentNullException(nameof(thermal));
        this.railVolts = railVolts;
        nominalOhms = parameters.NominalOhms * nominalFactor;
        inverseReferenceKelvin = 1.0 / ((parameters.ReferenceMillidegrees / 1000.0) + KelvinOffset);
        beta = parameters.BetaKelvin * betaFactor;
        pullUpOhms = parameters.PullUpOhms * pullUpFactor;
    }

    /// <summary>Gets this board's NTC resistance at the reference temperature, in ohms.</summary>
    public double NominalOhms => nominalOhms;

    /// <summary>Gets this board's NTC Beta, in kelvin.</summary>
    public double BetaKelvin => beta;

    /// <summary>Gets this board's divider pull-up, in ohms.</summary>
    public double PullUpOhms => pullUpOhms;

    /// <summary>Gets this board's rail, in volts.</summary>
    public double RailVolts => railVolts;

    /// <summary>
    /// Gets or sets the resistor the station fixture puts in place of the NTC, in ohms (more than 0), or <c>null</c> for
    /// the NTC itself (SR-18 sensor calibration).
    /// </summary>
    public double? SubstituteOhms
    {
        get => substituteOhms;
        set
        {
            if (value is double ohms && !(ohms > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A substitute resistor must be more than 0 Ω.");
            }

            substituteOhms = value;
        }
    }

    /// <summary>The pin voltage with a resistor in the NTC's place.</summary>
    /// <param name="ohms">Resistance from the pin to ground, in ohms.</param>
    /// <returns>Volts at the pin.</returns>
    public double PinVoltsFor(double ohms) => railVolts * ohms / (ohms + pullUpOhms);

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

    /// <summary>
    /// Gets or sets the temperature an NTC that has lost its thermal contact with the head stays at, in °C, or <c>null</c>
    /// for an NTC bonded to the head (it follows the head).
    /// </summary>
    public double? DetachedCelsius { get; set; }

    /// <summary>Gets the temperature the sensor is exposed to, in °C.</summary>
    public double SensedCelsius => DetachedCelsius ?? forcedCelsius ?? thermal.TemperatureCelsius;

    /// <inheritdoc />
    public override double PinVolts
    {
        get
        {
            if (substituteOhms is double substitute)
            {
                return PinVoltsFor(substitute);
            }

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
