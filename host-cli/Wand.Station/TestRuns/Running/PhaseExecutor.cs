using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Steps;

namespace Wand.Host.TestRuns.Running;

/// <summary>
/// Runs one phase with its retries and time limit, and judges its measurements. A step's unit failure stops the
/// phase (FAIL); a failed measurement does not (the rest are still taken); an exception is a station error (ERROR);
/// the phase's time limit gives TIMEOUT and the run's cancellation ABORTED.
/// </summary>
internal sealed class PhaseExecutor(StepContext context, ITestRunProgress progress)
{
    public async Task<PhaseRecord> RunAsync(PhasePlan phase, CancellationToken cancellationToken)
    {
        Stopwatch clock = Stopwatch.StartNew();
        Attempt attempt = default;
        int attempts = 0;
        do
        {
            attempts++;
            progress.PhaseStarted(phase, attempts);
            attempt = await RunOnceAsync(phase, cancellationToken).ConfigureAwait(false);
        }
        while (OutcomeRules.MayRetry(attempt.Outcome) && attempts <= phase.Retries && !cancellationToken.IsCancellationRequested);

        PhaseRecord record = new()
        {
            Name = phase.Name,
            Outcome = attempt.Outcome,
            Attempts = attempts,
            StartedUtc = attempt.StartedUtc,
            DurationMilliseconds = clock.Elapsed.TotalMilliseconds,
            DeviceStartMilliseconds = attempt.DeviceStart,
            DeviceEndMilliseconds = context.DeviceMilliseconds,
            Message = attempt.Message,
            Requirements = phase.Requirements,
            Measurements = attempt.Measurements,
        };
        progress.PhaseFinished(record);
        return record;
    }

    public static PhaseRecord Skipped(PhasePlan phase, string reason) => new()
    {
        Name = phase.Name,
        Outcome = PhaseOutcome.Skipped,
        Attempts = 0,
        StartedUtc = DateTimeOffset.UtcNow,
        Message = reason,
        Requirements = phase.Requirements,
        Measurements = phase.Steps.SelectMany(step => step.Measurements).Select(measurement => measurement.NotTaken(reason)).ToList(),
    };

    private async Task<Attempt> RunOnceAsync(PhasePlan phase, CancellationToken cancellationToken)
    {
        DateTimeOffset started = DateTimeOffset.UtcNow;
        try
        {
            await context.SynchronizeDeviceClockAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WandHostException)
        {
            // The phase's first step meets the same failure and records it.
        }

        long deviceStart = context.DeviceMilliseconds;
        List<MeasurementRecord> measurements = [];
        PhaseOutcome outcome = PhaseOutcome.Pass;
        string message = string.Empty;
        using CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(phase.TimeoutSeconds));
        int index = 0;
        try
        {
            for (; index < phase.Steps.Count; index++)
            {
                StepPlan step = phase.Steps[index];
                progress.StepStarted(phase, step);
                await context.SynchronizeDeviceClockAsync(limit.Token).ConfigureAwait(false);
                StepResult result = await step.Step.ExecuteAsync(context, limit.Token).ConfigureAwait(false);
                foreach (MeasurementSpec spec in step.Measurements)
                {
                    MeasurementRecord measurement = result.Fields.TryGetValue(spec.Field, out MeasuredValue value)
                        ? spec.Judge(value)
                        : result.Failure != null ? spec.Failed(result.Failure) : spec.Judge(null);
                    measurements.Add(measurement);
                    progress.MeasurementJudged(phase, measurement);
                    if (measurement.Outcome != MeasurementOutcome.Pass && outcome == PhaseOutcome.Pass)
                    {
                        outcome = PhaseOutcome.Fail;
                        message = $"{measurement.Name}: {measurement.Message}";
                    }
                }

                if (result.Failure != null)
                {
                    outcome = PhaseOutcome.Fail;
                    message = result.Failure.StartsWith(step.Label, StringComparison.Ordinal)
                        ? $"{step.Location}: {result.Failure}"
                        : $"{step.Location}: {step.Label}: {result.Failure}";
                    index++;
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = PhaseOutcome.Aborted;
            message = $"Stopped by the operator during '{phase.Steps[index].Label}'.";
            index++;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            outcome = PhaseOutcome.Timeout;
            message = FormattableString.Invariant($"The phase ran longer than its {phase.TimeoutSeconds} s limit, during '{phase.Steps[index].Label}' ({phase.Steps[index].Location}).");
            index++;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            outcome = PhaseOutcome.Error;
            string kind = error is WandHostException ? string.Empty : $" ({error.GetType().Name})";
            message = $"{phase.Steps[index].Location}: {phase.Steps[index].Label}: station error{kind}: {error.Message}";
            index++;
        }

        string reason = $"Not taken: the phase stopped ({outcome.ToString().ToUpperInvariant()}) before this step.";
        foreach (MeasurementSpec spec in UnjudgedOfStoppedStep(phase, index, measurements).Concat(phase.Steps.Skip(index).SelectMany(step => step.Measurements)).ToList())
        {
            measurements.Add(spec.NotTaken(reason));
        }

        return new Attempt(outcome, message, started, deviceStart, measurements);
    }

    /// <summary>Measurements of the step that threw (judged none), so every declared measurement appears once.</summary>
    private static IEnumerable<MeasurementSpec> UnjudgedOfStoppedStep(PhasePlan phase, int index, List<MeasurementRecord> judged)
    {
        if (index == 0 || index > phase.Steps.Count)
        {
            return [];
        }

        return phase.Steps[index - 1].Measurements.Where(spec => judged.All(record => record.Name != spec.Name));
    }

    private readonly record struct Attempt(PhaseOutcome Outcome, string Message, DateTimeOffset StartedUtc, long DeviceStart, IReadOnlyList<MeasurementRecord> Measurements);
}
