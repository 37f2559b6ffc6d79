using System;

namespace Wand.Host.TestRuns.Running;

/// <summary>Who and where: the station's identity and overrides for one run.</summary>
public sealed record RunOptions
{
    /// <summary>Gets the station ID, for example <c>eol-01</c>; defaults to the host name.</summary>
    public string StationId { get; init; } = Environment.MachineName.ToLowerInvariant();

    /// <summary>Gets the operator's name, if known.</summary>
    public string Operator { get; init; } = string.Empty;

    /// <summary>Gets the serial number to record instead of the plan's or the unit's, if given.</summary>
    public string? DutSerial { get; init; }

    /// <summary>Gets the version of the host software, for the record.</summary>
    public string HostVersion { get; init; } = typeof(RunOptions).Assembly.GetName().Version?.ToString() ?? string.Empty;

    /// <summary>Gets the longest time teardown may take after a Ctrl-C or error, in seconds.</summary>
    public double TeardownTimeoutSeconds { get; init; } = 30;
}
