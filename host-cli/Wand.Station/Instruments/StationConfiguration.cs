using System;
using System.Collections.Generic;

namespace Wand.Host.Instruments;

/// <summary>The kinds of instrument a station configuration names.</summary>
public enum InstrumentKind
{
    /// <summary>A programmable DC supply (battery emulator).</summary>
    DcSupply,

    /// <summary>A digital multimeter.</summary>
    Multimeter,

    /// <summary>A relay or switch unit.</summary>
    SwitchUnit,

    /// <summary>The jig accelerometer on the head (hardware/jig-accelerometer.md).</summary>
    JigAccelerometer,
}

/// <summary>One instrument of a station.</summary>
/// <param name="Name">Its name in the configuration, for example <c>supply</c>.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Address"><c>tcp://HOST[:PORT]</c> or <c>serial:PATH[@BAUD]</c>.</param>
/// <param name="Channel">The output of a multi-channel supply, or <c>null</c>.</param>
/// <param name="Dialect">How a DC supply selects and switches its outputs (<c>dialect: scpi</c> or <c>siglent</c>).</param>
public sealed record InstrumentConfiguration(string Name, InstrumentKind Kind, string Address, int? Channel, SupplyDialect Dialect = SupplyDialect.Scpi);

/// <summary>
/// How one fixture action is carried out: by the virtual world (<see cref="Instrument"/> is <c>null</c>) or by an
/// instrument, with the switch channels it uses.
/// </summary>
/// <param name="Instrument">The instrument's name, or <c>null</c> for the virtual world.</param>
/// <param name="Channel">The single switch channel (USB power, button), or <c>null</c>.</param>
/// <param name="ResistorChannels">Switch channel per resistor in ohms (head resistors, NTC substitutes); 0 Ω is the short.</param>
/// <param name="WindowMilliseconds">The window a jig accelerometer averages one reading over, 5 to 2000 ms, or <c>null</c>.</param>
public sealed record ActionBinding(string? Instrument, int? Channel, IReadOnlyDictionary<double, int> ResistorChannels, int? WindowMilliseconds = null)
{
    /// <summary>Gets the binding to the virtual world.</summary>
    public static ActionBinding Virtual { get; } = new(null, null, new Dictionary<double, int>());
}

/// <summary>A validated station configuration: its instruments and how each fixture action (HC-4) is carried out.</summary>
public sealed class StationConfiguration
{
    /// <summary>The fixture actions a configuration maps, by their configuration key.</summary>
    public static readonly IReadOnlyList<string> ActionNames =
        ["head-resistor", "ntc-substitute", "supply", "supply-current", "supply-voltage", "usb-power", "button", "motor-voltage", "head-vibration"];

    /// <summary>Initializes a new instance of the <see cref="StationConfiguration"/> class.</summary>
    /// <param name="stationId">The station's ID.</param>
    /// <param name="timeout">Longest wait for one instrument reply.</param>
    /// <param name="instruments">The instruments by name.</param>
    /// <param name="actions">Each action's binding, by action name; every action in <see cref="ActionNames"/>.</param>
    public StationConfiguration(string stationId, TimeSpan timeout, IReadOnlyDictionary<string, InstrumentConfiguration> instruments, IReadOnlyDictionary<string, ActionBinding> actions)
    {
        StationId = stationId;
        Timeout = timeout;
        Instruments = instruments;
        Actions = actions;
    }

    /// <summary>Gets the station's ID, for example <c>eol-01</c>.</summary>
    public string StationId { get; }

    /// <summary>Gets the longest wait for one instrument reply.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Gets the instruments by name.</summary>
    public IReadOnlyDictionary<string, InstrumentConfiguration> Instruments { get; }

    /// <summary>Gets each action's binding by action name.</summary>
    public IReadOnlyDictionary<string, ActionBinding> Actions { get; }
}
