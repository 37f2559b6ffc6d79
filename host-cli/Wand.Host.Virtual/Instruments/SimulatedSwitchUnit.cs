using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Host.TestRuns.Fixture;

namespace Wand.Host.Instruments.Simulated;

/// <summary>
/// A simulated switch unit wired to a virtual wand as the fixture is: channels with head ID resistors (0 Ω is the
/// short), channels with NTC substitutes, a USB power relay, a button relay and, where fitted, a relay across the
/// factory jig strap. <c>ROUT:CLOS (@…)</c> and
/// <c>ROUT:OPEN (@…)</c> change the virtual world as the real relays would change the unit's inputs.
/// </summary>
public sealed class SimulatedSwitchUnit : SimulatedInstrument
{
    private readonly IWorldControl world;
    private readonly IReadOnlyDictionary<int, double> headChannels;
    private readonly IReadOnlyDictionary<int, double> ntcChannels;
    private readonly int usbChannel;
    private readonly int buttonChannel;
    private readonly HashSet<int> closed = [];
    private readonly TimeProvider time;
    private readonly int? strapChannel;
    private readonly Func<bool, Task>? setStrap;
    private long buttonClosedAt;

    /// <summary>Initializes a new instance of the <see cref="SimulatedSwitchUnit"/> class.</summary>
    /// <param name="world">The virtual wand's world.</param>
    /// <param name="headChannels">Head ID resistor per channel, in ohms.</param>
    /// <param name="ntcChannels">NTC substitute per channel, in ohms.</param>
    /// <param name="usbChannel">The USB power relay's channel.</param>
    /// <param name="buttonChannel">The button relay's channel.</param>
    /// <param name="time">The clock a button press is timed on; <c>null</c> for the system clock.</param>
    /// <param name="strapChannel">The factory strap relay's channel, or <c>null</c> when none is fitted.</param>
    /// <param name="setStrap">Fits (<c>true</c>) or removes the strap; needed with <paramref name="strapChannel"/>.</param>
    public SimulatedSwitchUnit(IWorldControl world, IReadOnlyDictionary<int, double> headChannels, IReadOnlyDictionary<int, double> ntcChannels, int usbChannel, int buttonChannel, TimeProvider? time = null, int? strapChannel = null, Func<bool, Task>? setStrap = null)
        : base("WandSim,Fixture Switch Unit,SIM0003,1.0")
    {
        this.world = world ?? throw new ArgumentNullException(nameof(world));
        this.headChannels = headChannels;
        this.ntcChannels = ntcChannels;
        this.usbChannel = usbChannel;
        this.buttonChannel = buttonChannel;
        this.time = time ?? TimeProvider.System;
        this.strapChannel = strapChannel;
        this.setStrap = setStrap;
    }

    /// <summary>Gets the channels now closed.</summary>
    public IReadOnlyCollection<int> Closed => closed;

    /// <inheritdoc/>
    protected override async Task<string?> ExecuteAsync(string command, CancellationToken cancellationToken)
    {
        string upper = command.ToUpperInvariant();
        bool close = upper.StartsWith("ROUT:CLOS ", StringComparison.Ordinal);
        if (!close && !upper.StartsWith("ROUT:OPEN ", StringComparison.Ordinal))
        {
            throw new FormatException(command);
        }

        List<int> channels = ParseList(command[(command.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        foreach (int channel in channels)
        {
            bool known = headChannels.ContainsKey(channel) || ntcChannels.ContainsKey(channel) || channel == usbChannel || channel == buttonChannel || channel == strapChannel;
            if (!known)
            {
                throw new ArgumentException(command);
            }
        }

        foreach (int channel in channels)
        {
            bool wasClosed = closed.Contains(channel);
            if (close)
            {
                closed.Add(channel);
            }
            else
            {
                closed.Remove(channel);
            }

            if (channel == strapChannel && setStrap is not null)
            {
                await setStrap(close).ConfigureAwait(false);
            }
            else if (channel == usbChannel)
            {
                await world.SetUsbPowerAsync(close, cancellationToken).ConfigureAwait(false);
            }
            else if (channel == buttonChannel && close && !wasClosed)
            {
                buttonClosedAt = time.GetTimestamp();
            }
            else if (channel == buttonChannel && !close && wasClosed)
            {
                double held = time.GetElapsedTime(buttonClosedAt).TotalMilliseconds;
                await world.PressButtonAsync((int)Math.Clamp(held, 20, 10_000), cancellationToken).ConfigureAwait(false);
            }
        }

        if (channels.Any(headChannels.ContainsKey))
        {
            await world.SetHeadResistorAsync(Parallel(headChannels), cancellationToken).ConfigureAwait(false);
        }

        if (channels.Any(ntcChannels.ContainsKey))
        {
            // No substitute closed: the head's own NTC, that is the thermal model.
            double? ntc = Parallel(ntcChannels);
            await world.SetTemperatureAsync(ntc is double ohms && ohms > 0 ? Math.Clamp(Math.Round(NtcSubstitute.CelsiusAt(ohms), 6), -20, 90) : null, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private static List<int> ParseList(string text)
    {
        string trimmed = text.Trim();
        if (!trimmed.StartsWith("(@", StringComparison.Ordinal) || !trimmed.EndsWith(')'))
        {
            throw new FormatException(text);
        }

        List<int> result = [];
        foreach (string item in trimmed[2..^1].Split(','))
        {
            result.Add(int.TryParse(item.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int channel) ? channel : throw new FormatException(text));
        }

        return result;
    }

    /// <summary>Two resistors closed at once are in parallel, as on the real fixture.</summary>
    private double? Parallel(IReadOnlyDictionary<int, double> channels)
    {
        List<double> fitted = [.. channels.Where(pair => closed.Contains(pair.Key)).Select(pair => pair.Value)];
        if (fitted.Count == 0)
        {
            return null;
        }

        return fitted.Any(ohms => ohms == 0) ? 0 : 1.0 / fitted.Sum(ohms => 1.0 / ohms);
    }
}
