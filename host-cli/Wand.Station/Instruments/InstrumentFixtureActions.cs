using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.TestRuns.Fixture;
using Wand.Host.TestRuns.Steps;

namespace Wand.Host.Instruments;

/// <summary>
/// The fixture actions (HC-4) as a station configuration maps them: each to the virtual world or to an instrument's
/// channel. A resistor is matched to a fitted one within <see cref="ResistorTolerance"/>; the button relay is held
/// closed for the press on the station clock.
/// </summary>
public sealed class InstrumentFixtureActions : IFixtureActions
{
    /// <summary>Relative tolerance within which a requested resistance matches a fitted resistor (1 %).</summary>
    public const double ResistorTolerance = 0.01;

    private readonly StationConfiguration configuration;
    private readonly IReadOnlyDictionary<string, ScpiSession> sessions;
    private readonly IFixtureActions? virtualWorld;
    private readonly IReadOnlyDictionary<string, JigAccelerometer> jigs;
    private readonly TimeProvider time;
    private readonly Dictionary<string, DigitalMultimeter> meters = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="InstrumentFixtureActions"/> class.</summary>
    /// <param name="configuration">The station configuration.</param>
    /// <param name="sessions">An open session per configured instrument, by name.</param>
    /// <param name="virtualWorld">The virtual world for actions mapped to <c>virtual</c>, or <c>null</c> when there is none.</param>
    /// <param name="time">The clock the button press is timed on; <c>null</c> for the system clock.</param>
    /// <param name="jigs">An open jig accelerometer per configured jig, by name; <c>null</c> when there is none.</param>
    public InstrumentFixtureActions(StationConfiguration configuration, IReadOnlyDictionary<string, ScpiSession> sessions, IFixtureActions? virtualWorld, TimeProvider? time = null, IReadOnlyDictionary<string, JigAccelerometer>? jigs = null)
    {
        this.configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        this.sessions = sessions ?? throw new ArgumentNullException(nameof(sessions));
        this.virtualWorld = virtualWorld;
        this.jigs = jigs ?? new Dictionary<string, JigAccelerometer>(StringComparer.Ordinal);
        this.time = time ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public Task SelectHeadResistorAsync(double? ohms, CancellationToken cancellationToken) =>
        Route("head-resistor", world => world.SelectHeadResistorAsync(ohms, cancellationToken), binding => SelectResistorAsync("head-resistor", binding, ohms, cancellationToken));

    /// <inheritdoc/>
    public Task SelectNtcSubstituteAsync(double? ohms, CancellationToken cancellationToken) =>
        Route("ntc-substitute", world => world.SelectNtcSubstituteAsync(ohms, cancellationToken), binding => SelectResistorAsync("ntc-substitute", binding, ohms, cancellationToken));

    /// <inheritdoc/>
    public Task SetSupplyAsync(double volts, double? currentLimitAmperes, CancellationToken cancellationToken) =>
        Route("supply", world => world.SetSupplyAsync(volts, currentLimitAmperes, cancellationToken), binding => Supply(binding).SetAsync(volts, currentLimitAmperes, cancellationToken));

    /// <inheritdoc/>
    public Task<double> MeasureSupplyCurrentAsync(CancellationToken cancellationToken) =>
        Route("supply-current", world => world.MeasureSupplyCurrentAsync(cancellationToken), binding => Supply(binding).MeasureAmperesAsync(cancellationToken));

    /// <inheritdoc/>
    public Task<double> MeasureSupplyVoltsAsync(CancellationToken cancellationToken) =>
        Route("supply-voltage", world => world.MeasureSupplyVoltsAsync(cancellationToken), binding => Supply(binding).MeasureVoltsAsync(cancellationToken));

    /// <inheritdoc/>
    public Task SetUsbPowerAsync(bool powered, CancellationToken cancellationToken) =>
        Route("usb-power", world => world.SetUsbPowerAsync(powered, cancellationToken), binding => SetRelayAsync(binding, powered, cancellationToken));

    /// <inheritdoc/>
    public Task PressButtonAsync(int milliseconds, CancellationToken cancellationToken) =>
        Route("button", world => world.PressButtonAsync(milliseconds, cancellationToken), async binding =>
        {
            await SetRelayAsync(binding, true, cancellationToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), time, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await SetRelayAsync(binding, false, CancellationToken.None).ConfigureAwait(false);
            }
        });

    /// <inheritdoc/>
    public Task<double> MeasureMotorVoltsAsync(CancellationToken cancellationToken) =>
        Route("motor-voltage", world => world.MeasureMotorVoltsAsync(cancellationToken), binding => Meter(binding).ReadDcVoltsAsync(cancellationToken));

    /// <inheritdoc/>
    public Task<double> MeasureHeadVibrationAsync(CancellationToken cancellationToken) =>
        Route("head-vibration", world => world.MeasureHeadVibrationAsync(cancellationToken), binding =>
            jigs[binding.Instrument!].MeasureAmplitudeAsync(binding.WindowMilliseconds ?? JigAccelerometer.DefaultWindowMilliseconds, cancellationToken));

    private T Route<T>(string action, Func<IFixtureActions, T> onWorld, Func<ActionBinding, T> onInstrument)
    {
        ActionBinding binding = configuration.Actions[action];
        if (binding.Instrument != null)
        {
            return onInstrument(binding);
        }

        return virtualWorld != null
            ? onWorld(virtualWorld)
            : throw new StationInstrumentMissingException($"The station configuration maps '{action}' to the virtual world, but the unit is not a virtual wand. Map it to an instrument.");
    }

    private DcSupply Supply(ActionBinding binding)
    {
        InstrumentConfiguration instrument = configuration.Instruments[binding.Instrument!];
        return new(sessions[binding.Instrument!], instrument.Channel, instrument.Dialect);
    }

    private DigitalMultimeter Meter(ActionBinding binding)
    {
        if (!meters.TryGetValue(binding.Instrument!, out DigitalMultimeter? meter))
        {
            meter = new DigitalMultimeter(sessions[binding.Instrument!]);
            meters.Add(binding.Instrument!, meter);
        }

        return meter;
    }

    private Task SetRelayAsync(ActionBinding binding, bool closed, CancellationToken cancellationToken)
    {
        SwitchUnit unit = new(sessions[binding.Instrument!]);
        int[] channel = [binding.Channel!.Value];
        return closed ? unit.CloseAsync(channel, cancellationToken) : unit.OpenAsync(channel, cancellationToken);
    }

    private async Task SelectResistorAsync(string action, ActionBinding binding, double? ohms, CancellationToken cancellationToken)
    {
        int? chosen = null;
        if (ohms is double wanted)
        {
            foreach (KeyValuePair<double, int> fitted in binding.ResistorChannels)
            {
                bool matches = wanted == 0 ? fitted.Key == 0 : fitted.Key > 0 && Math.Abs(fitted.Key - wanted) <= wanted * ResistorTolerance;
                chosen = matches ? fitted.Value : chosen;
            }

            if (chosen == null)
            {
                string fittedList = string.Join(", ", binding.ResistorChannels.Keys.Order().Select(value => value.ToString(CultureInfo.InvariantCulture)));
                throw new StationInstrumentMissingException(string.Create(CultureInfo.InvariantCulture, $"The fixture has no {action} of {wanted:F0} Ω (within 1 %); fitted: {fittedList} Ω. Fit one and add it to the station configuration."));
            }
        }

        SwitchUnit unit = new(sessions[binding.Instrument!]);
        await unit.OpenAsync(binding.ResistorChannels.Values.Where(channel => channel != chosen).Order(), cancellationToken).ConfigureAwait(false);
        if (chosen is int close)
        {
            await unit.CloseAsync([close], cancellationToken).ConfigureAwait(false);
        }
    }
}
