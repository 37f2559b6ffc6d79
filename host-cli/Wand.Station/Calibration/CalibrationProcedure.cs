using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Wand.Core.Board;
using Wand.Core.Calibration;
using Wand.Host.Calibration.Fitting;
using Wand.Host.Calibration.Sensors;
using Wand.Host.Links;
using Wand.Protocol.Factory;
using Wand.Protocol.Messages;

namespace Wand.Host.Calibration;

/// <summary>
/// Calibrates one wand's motor (MD-2, SR-15, SR-16): enter factory mode, read identity and the current record, find
/// the breakaway voltage by bisection with short pulses from standstill, sweep settled amplitude against drive, fit
/// the ERM law, compute the five level drives, find the sustain threshold by ramping down from spinning, re-measure
/// every level against its target with raw drive at the level voltages, and only then write the record, read it back
/// and leave factory mode. Nothing is written until every level has been verified, and the wand replaces its record
/// atomically, so whatever goes wrong the wand keeps its previous record (or the safe defaults) or the new, verified
/// one: never a partial or unverified one. Reports through <see cref="IProgress{T}"/>; never prints.
/// </summary>
public sealed partial class CalibrationProcedure
{
    private readonly IWandLink link;
    private readonly IVibrationSensor sensor;
    private readonly CalibrationOptions options;
    private readonly FactoryClient client;
    private readonly SettledMeasurement settled;
    private IProgress<CalibrationProgress>? progress;
    private bool sensorReportsFrequency;

    /// <summary>Initializes a new instance of the <see cref="CalibrationProcedure"/> class.</summary>
    /// <param name="link">A connected link to the wand.</param>
    /// <param name="sensor">The accelerometer on the wand's head.</param>
    /// <param name="options">Tuning; <c>null</c> for the defaults.</param>
    public CalibrationProcedure(IWandLink link, IVibrationSensor sensor, CalibrationOptions? options = null)
    {
        this.link = link ?? throw new ArgumentNullException(nameof(link));
        this.sensor = sensor ?? throw new ArgumentNullException(nameof(sensor));
        this.options = options ?? new CalibrationOptions();
        this.options.Targets.Validate();
        client = new FactoryClient(link);
        settled = new SettledMeasurement(sensor, this.options);
    }

    /// <summary>Runs the calibration.</summary>
    /// <param name="reporter">Receives progress; <c>null</c> for none.</param>
    /// <param name="cancellationToken">Cancels the run; the motor is stopped and nothing is written.</param>
    /// <returns>The result: <see cref="CalibrationOutcome.Pass"/> only when the record was verified, written and read back.</returns>
    /// <exception cref="OperationCanceledException">The run was cancelled (after the motor was stopped).</exception>
    public async Task<CalibrationResult> RunAsync(IProgress<CalibrationProgress>? reporter = null, CancellationToken cancellationToken = default)
    {
        progress = reporter;
        Stopwatch wall = Stopwatch.StartNew();
        long started = options.Clock?.Invoke() ?? 0;
        RunState state = new() { StartedAt = DateTimeOffset.UtcNow };
        CalibrationResult result;
        try
        {
            await CalibrateAsync(state, cancellationToken).ConfigureAwait(false);
            result = state.ToResult(CalibrationOutcome.Pass, null, "Calibrated: every level within tolerance, record written and read back.");
        }
        catch (CalibrationException failure)
        {
            result = state.ToResult(CalibrationOutcome.Fail, failure, failure.Message);
        }
        catch (WandHostException error)
        {
            result = state.ToResult(CalibrationOutcome.Error, error, error.Message + StorageNote(state));
        }
        catch (OperationCanceledException cancelled) when (cancellationToken.IsCancellationRequested)
        {
            result = state.ToResult(CalibrationOutcome.Error, cancelled, "Cancelled." + StorageNote(state));
        }
        finally
        {
            await StopQuietlyAsync().ConfigureAwait(false);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            await LeaveAsync(result.Written, CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        string leaveNote = await LeaveAsync(result.Written, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == CalibrationOutcome.Pass && leaveNote.Length > 0 && !leaveNote.StartsWith(' '))
        {
            result = result with { Outcome = CalibrationOutcome.Error, FailureKind = "RecordNotInUse", Message = leaveNote };
        }
        else if (leaveNote.Length > 0)
        {
            result = result with { Message = result.Message + leaveNote };
        }

        long elapsed = options.Clock is null ? wall.ElapsedMilliseconds : options.Clock() - started;
        return result with { DurationMilliseconds = elapsed, Address = link.Address, Sensor = sensor.Description, Targets = options.Targets };
    }

    private static string StorageNote(RunState state)
    {
        return state.WriteAttempted
            ? " The link failed during the record write: the wand holds either its previous record or the new, verified one, never a partial one (it replaces the record atomically). Run the calibration again."
            : " Nothing was written: the wand keeps its previous record" + (state.Previous is null ? " (none: safe defaults)." : ".");
    }

    private async Task CalibrateAsync(RunState state, CancellationToken cancellationToken)
    {
        Report(CalibrationStage.Preparing, "Entering factory mode", 0.0);
        await FactoryModeControl.EnterAsync(client, cancellationToken, options.StrapControl).ConfigureAwait(false);
        state.Identity = await client.ReadIdentityAsync(cancellationToken).ConfigureAwait(false);
        CalibrationRecord? previous = await client.ReadCalibrationAsync(cancellationToken).ConfigureAwait(false);
        StatusReport before = await client.ReadStatusAsync(cancellationToken).ConfigureAwait(false);

        // With no valid record stored, the wand serves the safe defaults it is using (or zeros); the status flag tells.
        bool stored = previous is not null && (before.Flags & StatusIndicators.CalibrationInvalid) == 0;
        state.Previous = stored ? RecordValues.From(previous!) : null;
        EffectiveLimits effective = await client.ReadLimitsAsync(cancellationToken).ConfigureAwait(false);
        SafetyLimits limits = state.Limits;
        limits.TryTightenRatedMotorMillivolts(effective.MotorCeilingMillivolts);
        state.Ceiling = limits.RatedMotorMillivolts;
        Report(CalibrationStage.Preparing, $"Unit '{(state.Identity.SerialNumber.Length > 0 ? state.Identity.SerialNumber : "no serial")}', firmware {state.Identity.FirmwareRevision}, "
            + (state.Previous is null ? "no stored record" : "stored record present"), 0.05);

        state.Breakaway = await FindBreakawayAsync(state, cancellationToken).ConfigureAwait(false);
        await SweepAsync(state, cancellationToken).ConfigureAwait(false);

        Report(CalibrationStage.Fitting, "Fitting amplitude against drive", 0.55);
        state.Fit = AmplitudeFit.Fit(state.Points, options.MaximumRootMeanSquareResidual, options.MaximumPointResidual);
        int[] levels = LevelPlanner.LevelMillivolts(state.Fit.Model, options.Targets, state.Ceiling);
        Report(CalibrationStage.Fitting, $"V0 {state.Fit.Model.ZeroMillivolts:0} mV, RMS residual {state.Fit.RootMeanSquareRelativeResidual:P1}; levels {string.Join(", ", levels)} mV", 0.6);

        state.Stop = await FindStopAsync(levels[0], state.Fit.Model, cancellationToken).ConfigureAwait(false);
        CalibrationRecord record = LevelPlanner.BuildRecord(levels, state.Breakaway, state.Stop, limits);
        state.NewRecord = RecordValues.From(record);

        await VerifyAsync(state, record, cancellationToken).ConfigureAwait(false);
        await WriteAsync(state, record, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteAsync(RunState state, CalibrationRecord record, CancellationToken cancellationToken)
    {
        Report(CalibrationStage.Writing, "Writing the record", 0.9);
        await client.StopAsync(cancellationToken).ConfigureAwait(false);
        state.WriteAttempted = true;
        await client.WriteCalibrationAsync(record, CancellationToken.None).ConfigureAwait(false);
        CalibrationRecord? readBack = await client.ReadCalibrationAsync(cancellationToken).ConfigureAwait(false);
        if (readBack is null || !CalibrationRules.SameValues(readBack, record))
        {
            throw new ReadBackMismatchException("The record read back differs from the record written; the wand's storage may be failing. Run the self-test.");
        }

        state.Written = true;
        Report(CalibrationStage.Writing, "Record written and read back identical", 0.95);
    }

    /// <summary>Leaves factory mode; after a written record, checks that the rebooted wand loaded it.</summary>
    /// <returns>Empty when fine; a note (starting with a space) for the operator; or an error message.</returns>
    private async Task<string> LeaveAsync(bool written, CancellationToken cancellationToken)
    {
        if (!options.LeaveFactoryMode || link.State != LinkState.Connected)
        {
            return string.Empty;
        }

        try
        {
            Report(CalibrationStage.Finishing, "Leaving factory mode", 0.97);
            if (!await FactoryModeControl.LeaveAsync(link, cancellationToken, options.StrapControl).ConfigureAwait(false))
            {
                return " " + FactoryModeControl.LeaveInstructions;
            }

            StatusReport status = await client.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
            Report(CalibrationStage.Finishing, "Rebooted out of factory mode", 1.0);
            return (status.Flags & StatusIndicators.CalibrationInvalid) != 0 && written
                ? "After the reboot the wand reports its calibration invalid: the written record was not loaded. Run the self-test."
                : string.Empty;
        }
        catch (WandHostException error)
        {
            return " Leaving factory mode failed (" + error.Message + "); power-cycle the wand.";
        }
    }

    private async Task StopQuietlyAsync()
    {
        if (link.State != LinkState.Connected)
        {
            return;
        }

        try
        {
            await client.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (WandHostException)
        {
            // The wand stops raw drive on its own when the lease expires or the link drops.
        }
    }

    private void Report(CalibrationStage stage, string message, double fraction)
    {
        progress?.Report(new CalibrationProgress(stage, message, fraction));
    }

    /// <summary>What the run has found so far.</summary>
    private sealed class RunState
    {
        public DateTimeOffset StartedAt { get; init; }

        public UnitIdentity? Identity { get; set; }

        public RecordValues? Previous { get; set; }

        public RecordValues? NewRecord { get; set; }

        public SafetyLimits Limits { get; } = new();

        public int Ceiling { get; set; } = SafetyLimits.DefaultRatedMotorMillivolts;

        public List<BreakawayProbe> Probes { get; } = [];

        public int Breakaway { get; set; }

        public int Stop { get; set; }

        public List<DrivePoint> Points { get; } = [];

        public FitResult? Fit { get; set; }

        public List<LevelCheck> Checks { get; } = [];

        public bool WriteAttempted { get; set; }

        public bool Written { get; set; }

        public CalibrationResult ToResult(CalibrationOutcome outcome, Exception? failure, string message)
        {
            return new CalibrationResult
            {
                Outcome = outcome,
                FailureKind = failure?.GetType().Name ?? string.Empty,
                Message = message,
                Identity = Identity,
                StartedAt = StartedAt,
                CeilingMillivolts = Ceiling,
                PreviousRecord = Previous,
                NewRecord = NewRecord,
                Written = Written,
                BreakawayProbes = Probes.ToArray(),
                BreakawayMillivolts = Breakaway,
                StopMillivolts = Stop,
                SweepPoints = Points.ToArray(),
                Fit = Fit,
                LevelChecks = Checks.ToArray(),
            };
        }
    }
}
