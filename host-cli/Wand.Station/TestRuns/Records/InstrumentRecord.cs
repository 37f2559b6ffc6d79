namespace Wand.Host.TestRuns.Records;

/// <summary>One instrument of the station as it identified itself when the run began.</summary>
public sealed class InstrumentRecord
{
    /// <summary>Gets the instrument's name in the station configuration, for example <c>supply</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the instrument's address, for example <c>tcp://192.0.2.10:5025</c> or <c>serial:/dev/ttyUSB0</c>.</summary>
    public string Address { get; init; } = string.Empty;

    /// <summary>Gets the instrument's reply to <c>*IDN?</c>: manufacturer, model, serial number, firmware (IEEE 488.2 §10.14).</summary>
    public string Identity { get; init; } = string.Empty;
}
