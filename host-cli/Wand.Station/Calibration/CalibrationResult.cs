using System;
using System.Collections.Generic;
using Wand.Core.Board;
using Wand.Host.Calibration.Fitting;
using Wand.Protocol.Factory;

namespace Wand.Host.Calibration;

/// <summary>How a calibration ended.</summary>
public enum CalibrationOutcome
{
    /// <summary>Calibrated, verified, written and read back.</summary>
    Pass,

    /// <summary>The unit failed (motor does not start, out of range, fit rejected, a level off target); nothing written.</summary>
    Fail,

    /// <summary>The station failed (link lost, sensor error, cancelled); the device keeps a complete record, old or new.</summary>
    Error,
}

/// <summary>A calibration record's values, for reports.</summary>
/// <param name="Version">Record version.</param>
/// <param name="SustainMillivolts">Sustain threshold, in millivolts.</param>
/// <param name="BreakawayMillivolts">Breakaway voltage, in millivolts.</param>
/// <param name="KickMillivolts">Kick voltage, in millivolts.</param>
/// <param name="KickMilliseconds">Kick length, in milliseconds.</param>
/// <param name="LevelMillivolts">Level 1 to 5 drives, in millivolts.</param>
public sealed record RecordValues(int Version, int SustainMillivolts, int BreakawayMillivolts, int KickMillivolts, int KickMilliseconds, IReadOnlyList<int> LevelMillivolts)
{
    /// <summary>Copies a record's values.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The values.</returns>
    public static RecordValues From(CalibrationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        int[] levels = new int[SafetyLimits.LevelCount];
        for (int level = 1; level <= levels.Length; level++)
        {
            levels[level - 1] = record.LevelMillivolts(level);
        }

        return new RecordValues(record.Version, record.SustainMillivolts, record.BreakawayMillivolts, record.KickMillivolts, record.KickMilliseconds, levels);
    }
}

/// <summary>One breakaway probe: a short pulse from standstill.</summary>
/// <param name="Millivolts">Pulse drive, in millivolts.</param>
/// <param name="Started">Whether the rotor broke away.</param>
public sealed record BreakawayProbe(int Millivolts, bool Started);

/// <summary>One level re-measured against its target.</summary>
/// <param name="Level">Level, 1 to 5.</param>
/// <param name="Millivolts">The level's drive, in millivolts.</param>
/// <param name="TargetG">Target amplitude, in g.</param>
/// <param name="MeasuredG">Measured settled amplitude, in g.</param>
public sealed record LevelCheck(int Level, int Millivolts, double TargetG, double MeasuredG)
{
    /// <summary>Gets the relative deviation from the target, (measured − target) / target.</summary>
    public double RelativeError => (MeasuredG - TargetG) / TargetG;
}

/// <summary>Everything a calibration found and did, for the report and the results store.</summary>
public sealed record CalibrationResult
{
    /// <summary>Gets how it ended.</summary>
    public CalibrationOutcome Outcome { get; init; }

    /// <summary>Gets the failure's type name (for example <c>MotorDoesNotStartException</c>), empty on pass.</summary>
    public string FailureKind { get; init; } = string.Empty;

    /// <summary>Gets what happened, for people.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>Gets the device address.</summary>
    public string Address { get; init; } = string.Empty;

    /// <summary>Gets the sensor's description.</summary>
    public string Sensor { get; init; } = string.Empty;

    /// <summary>Gets the unit's identity, when it was read.</summary>
    public UnitIdentity? Identity { get; init; }

    /// <summary>Gets when the run started (UTC).</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets the run's duration on the procedure's clock (virtual time on a virtual wand), in milliseconds.</summary>
    public long DurationMilliseconds { get; init; }

    /// <summary>Gets the level targets used.</summary>
    public LevelTargets Targets { get; init; } = LevelTargets.Product;

    /// <summary>Gets the drive ceiling, in millivolts.</summary>
    public int CeilingMillivolts { get; init; }

    /// <summary>Gets the record stored before the run, or <c>null</c> when none was (safe defaults in use).</summary>
    public RecordValues? PreviousRecord { get; init; }

    /// <summary>Gets the record computed by the run, or <c>null</c> when the run stopped before.</summary>
    public RecordValues? NewRecord { get; init; }

    /// <summary>Gets a value indicating whether the new record was written and read back identical.</summary>
    public bool Written { get; init; }

    /// <summary>Gets the breakaway probes in order.</summary>
    public IReadOnlyList<BreakawayProbe> BreakawayProbes { get; init; } = [];

    /// <summary>Gets the measured breakaway voltage, in millivolts; 0 when not found.</summary>
    public int BreakawayMillivolts { get; init; }

    /// <summary>Gets the lowest drive at which the spinning rotor still turned, in millivolts; 0 when not measured.</summary>
    public int StopMillivolts { get; init; }

    /// <summary>Gets the settled amplitude points of the sweep.</summary>
    public IReadOnlyList<DrivePoint> SweepPoints { get; init; } = [];

    /// <summary>Gets the fit, when one was accepted.</summary>
    public FitResult? Fit { get; init; }

    /// <summary>Gets the verification of every level.</summary>
    public IReadOnlyList<LevelCheck> LevelChecks { get; init; } = [];
}
