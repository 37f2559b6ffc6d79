using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Steps;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;

namespace Wand.Host.TestRuns.Running;

/// <summary>
/// Runs a validated plan against one unit and returns its record: setup, then the phases (a phase that ends in ERROR,
/// TIMEOUT or ABORTED skips the rest), then teardown, which always runs, also after Ctrl-C. Status notifications are
/// recorded as time series (drive level, head temperature, battery, and vibration amplitude when the station has a
/// fixture). Reports through <see cref="ITestRunProgress"/>; prints nothing.
/// </summary>
public sealed class TestRunner
{
    private static readonly Guid StatusUuid = ProfileLookup.Uuid(WandProfile.Characteristic(WandProfile.StatusIndex));
    private readonly RunOptions options;

    /// <summary>Initializes a new instance of the <see cref="TestRunner"/> class.</summary>
    /// <param name="options">The station's identity; <c>null</c> for defaults.</param>
    public TestRunner(RunOptions? options = null)
    {
        this.options = options ?? new RunOptions();
    }

    /// <summary>Checks that a plan can run against a link: world steps need a virtual wand.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="link">The unit's link.</param>
    /// <exception cref="VirtualWandRequiredException">The plan controls the simulated world but the unit is real.</exception>
    public static void CheckCanRun(TestPlan plan, IWandLink link)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(link);
        if (link.World == null && plan.FirstVirtualOnlyStep is StepPlan step)
        {
            throw new VirtualWandRequiredException(
                $"{step.Location}: '{step.Label}' controls the simulated world, which only a virtual wand has; '{link.Address}' is real hardware. Run this plan with --device sim, or use a plan without world steps. Nothing was run.");
        }
    }

    /// <summary>Runs a plan.</summary>
    /// <param name="plan">The validated plan.</param>
    /// <param name="link">The unit's link (not yet connected; the plan's connect step opens it).</param>
    /// <param name="fixture">The station's instruments, or <c>null</c>.</param>
    /// <param name="progress">Where progress goes; <c>null</c> for nowhere.</param>
    /// <param name="cancellationToken">Ctrl-C: the run ends ABORTED after teardown.</param>
    /// <returns>The complete record.</returns>
    /// <exception cref="VirtualWandRequiredException">The plan needs a virtual wand; nothing ran.</exception>
    /// <exception cref="StationInstrumentMissingException">The plan uses the fixture but the station has none; nothing ran.</exception>
    public async Task<TestRecord> RunAsync(TestPlan plan, IWandLink link, IStationFixture? fixture, ITestRunProgress? progress, CancellationToken cancellationToken)
    {
        CheckCanRun(plan, link);
        if (options.FixtureActions == null && plan.FirstFixtureStep is StepPlan fixtureStep)
        {
            throw new StationInstrumentMissingException(
                $"{fixtureStep.Location}: '{fixtureStep.Label}' uses the station fixture, but '{link.Address}' is real hardware and this station has no fixture configured. Give a station configuration, or run against a virtual wand (--device sim). Nothing was run.");
        }

        progress ??= NoProgress.Instance;
        StepContext context = new(link, fixture, options.FixtureActions);
        EventHandler<CharacteristicNotificationEventArgs> onNotification = (_, notification) => OnNotification(context, fixture, notification);
        link.NotificationReceived += onNotification;
        DateTimeOffset started = DateTimeOffset.UtcNow;
        Stopwatch clock = Stopwatch.StartNew();
        PhaseExecutor executor = new(context, progress);
        List<PhaseRecord> phases = [];
        UnitUnderTestIdentity identity = new();
        try
        {
            progress.RunStarted(plan, link.Address);
            string? stopReason = null;
            if (options.ExpectedSerial is string expected && await IdentifyBeforeSetupAsync(link, cancellationToken).ConfigureAwait(false) is UnitUnderTestIdentity early
                && !string.Equals(expected, early.Serial, StringComparison.Ordinal))
            {
                // The wrong unit: nothing of the plan touches it, not even setup's fixture actions; teardown still runs.
                identity = early;
                PhaseRecord notSetUp = PhaseExecutor.Skipped(plan.Setup, "Skipped: the scanned serial is not the unit's; the fixture was not driven.");
                phases.Add(notSetUp);
                progress.PhaseFinished(notSetUp);
                stopReason = RecordMismatch(expected, early.Serial, phases, progress);
            }
            else
            {
                PhaseRecord setup = await executor.RunAsync(plan.Setup, cancellationToken).ConfigureAwait(false);
                phases.Add(setup);
                identity = await UnitUnderTestIdentity.ReadAsync(link, cancellationToken).ConfigureAwait(false);
                stopReason = setup.Outcome == PhaseOutcome.Pass ? null : $"Skipped: setup ended {setup.Outcome.ToString().ToUpperInvariant()}.";
                if (stopReason == null && options.ExpectedSerial is string scanned && !string.Equals(scanned, identity.Serial, StringComparison.Ordinal))
                {
                    stopReason = RecordMismatch(scanned, identity.Serial, phases, progress);
                }
            }

            context.DutSerial = options.DutSerial ?? plan.DutSerial ?? identity.Serial;

            foreach (PhasePlan phase in plan.Phases)
            {
                if (stopReason != null || cancellationToken.IsCancellationRequested)
                {
                    PhaseRecord skipped = PhaseExecutor.Skipped(phase, stopReason ?? "Skipped: stopped by the operator.");
                    phases.Add(skipped);
                    progress.PhaseFinished(skipped);
                    continue;
                }

                PhaseRecord record = await executor.RunAsync(phase, cancellationToken).ConfigureAwait(false);
                phases.Add(record);
                if (OutcomeRules.StopsRun(record.Outcome))
                {
                    stopReason = $"Skipped: phase '{phase.Name}' ended {record.Outcome.ToString().ToUpperInvariant()}.";
                }
            }
        }
        finally
        {
            // Teardown always runs, with its own time limit, even when the run was cancelled.
            using CancellationTokenSource teardownLimit = new(TimeSpan.FromSeconds(options.TeardownTimeoutSeconds));
            phases.Add(await executor.RunAsync(plan.Teardown, teardownLimit.Token).ConfigureAwait(false));
            link.NotificationReceived -= onNotification;
        }

        bool aborted = cancellationToken.IsCancellationRequested;
        RunOutcome outcome = OutcomeRules.Combine(phases.Select(phase => phase.Outcome), aborted);
        string serial = context.DutSerial.Length > 0 ? context.DutSerial : UnitUnderTestIdentity.UnknownSerial;
        TestRecord result = new()
        {
            RunId = Guid.NewGuid().ToString("N"),
            PlanName = plan.Name,
            PlanVersion = plan.Version,
            PlanFile = plan.File,
            PlanVariant = plan.Variant,
            PlanSha256 = plan.Sha256,
            StationId = options.StationId,
            Operator = options.Operator,
            HostVersion = options.HostVersion,
            DeviceAddress = link.Address,
            VirtualDevice = link.World != null,
            DutSerial = serial,
            Retest = await RetestOfAsync(serial, plan.Name).ConfigureAwait(false),
            FirmwareRevision = identity.FirmwareRevision,
            SoftwareRevision = identity.SoftwareRevision,
            HardwareRevision = identity.HardwareRevision,
            ModelNumber = identity.ModelNumber,
            ProtocolVersion = identity.ProtocolVersion,
            StartedUtc = started,
            FinishedUtc = started + clock.Elapsed,
            DurationMilliseconds = clock.Elapsed.TotalMilliseconds,
            Outcome = outcome,
            OutcomeDetails = Details(outcome, phases),
            Marginal = phases.SelectMany(phase => phase.Measurements).Any(measurement => measurement.Marginal),
            Phases = phases,
            Series = context.SnapshotSeries(),
            Attachments = context.SnapshotAttachments(),
            Instruments = options.Instruments,
        };
        progress.RunFinished(result);
        return result;
    }

    /// <summary>
    /// Which retest this run is, from the unit's earlier runs under the plan in the results store. A unit without a
    /// serial cannot be told apart from others; a store that cannot be read leaves the run unmarked (storing it will
    /// name the problem).
    /// </summary>
    private async Task<RetestRecord?> RetestOfAsync(string serial, string planName)
    {
        if (options.History is not Results.IResultsStore history || serial == UnitUnderTestIdentity.UnknownSerial)
        {
            return null;
        }

        try
        {
            IReadOnlyList<Results.RunSummary> earlier = await history.ListRunsAsync(new Results.RunQuery { DutSerial = serial, PlanName = planName, Limit = 10_000 }, CancellationToken.None).ConfigureAwait(false);
            return earlier.Count == 0 ? null : new RetestRecord { Number = earlier.Count, PreviousRunId = earlier[0].RunId, PreviousOutcome = earlier[0].Outcome };
        }
        catch (Results.ResultsStoreException)
        {
            return null;
        }
    }

    /// <summary>
    /// Connects and reads the unit's identity before setup runs, so a scanned serial is checked before the fixture is
    /// driven. <c>null</c> when the unit cannot be reached or identified yet: setup then reports the problem and the
    /// serial is checked after it.
    /// </summary>
    private static async Task<UnitUnderTestIdentity?> IdentifyBeforeSetupAsync(IWandLink link, CancellationToken cancellationToken)
    {
        try
        {
            if (link.State != LinkState.Connected)
            {
                await link.ConnectAsync(cancellationToken).ConfigureAwait(false);
            }

            UnitUnderTestIdentity identity = await UnitUnderTestIdentity.ReadAsync(link, cancellationToken).ConfigureAwait(false);
            return identity.Serial.Length > 0 ? identity : null;
        }
        catch (WandHostException)
        {
            return null;
        }
    }

    private static string RecordMismatch(string scanned, string actual, List<PhaseRecord> phases, ITestRunProgress progress)
    {
        PhaseRecord mismatch = SerialMismatch(scanned, actual);
        phases.Add(mismatch);
        progress.PhaseFinished(mismatch);
        return "Skipped: the scanned serial is not the unit's.";
    }

    private static PhaseRecord SerialMismatch(string scanned, string actual) => new()
    {
        Name = "serial-check",
        Outcome = PhaseOutcome.Error,
        Attempts = 1,
        StartedUtc = DateTimeOffset.UtcNow,
        Message = $"The scanned serial '{scanned}' is not this unit's serial '{(actual.Length > 0 ? actual : UnitUnderTestIdentity.UnknownSerial)}' (Device Information); nothing was tested. Check that the label belongs to the unit in the fixture and scan again.",
        Requirements = ["HC-5"],
    };

    private static string Details(RunOutcome outcome, List<PhaseRecord> phases)
    {
        if (outcome == RunOutcome.Pass)
        {
            return string.Empty;
        }

        IEnumerable<string> failed = phases.SelectMany(phase => phase.Measurements).Where(measurement => measurement.Outcome == MeasurementOutcome.Fail).Select(measurement => measurement.Name);
        string measurements = string.Join(", ", failed);
        PhaseRecord? first = phases.FirstOrDefault(phase => phase.Outcome is not PhaseOutcome.Pass and not PhaseOutcome.Skipped);
        string where = first == null ? string.Empty : $"{first.Name}: {first.Message}";
        return measurements.Length > 0 ? $"Failed measurements: {measurements}. First problem: {where}" : where;
    }

    private static void OnNotification(StepContext context, IStationFixture? fixture, CharacteristicNotificationEventArgs notification)
    {
        context.Notifications.Add(notification.Characteristic, notification.Value);
        if (notification.Characteristic != StatusUuid)
        {
            return;
        }

        StatusReport status = new();
        byte[] bytes = notification.Value.ToArray();
        if (status.Decode(bytes, 0, bytes.Length) != AttError.Success)
        {
            return;
        }

        long now = context.DeviceMilliseconds;
        context.RecordPoint("drive-level", "level", now, status.DriveLevelTenths / 10.0);
        context.RecordPoint("head-temperature", "°C", now, status.HeadTemperatureCentidegrees / 100.0);
        context.RecordPoint("battery", "V", now, status.BatteryMillivolts / 1000.0);
        if (fixture != null)
        {
            context.RecordPoint("amplitude", "g", now, fixture.ReadAmplitudeG());
        }
    }
}
