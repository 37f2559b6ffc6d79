using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.TestRuns.Running;

/// <summary>
/// What a run reports while it goes, for a live display. Called on the runner's thread, in order; an implementation
/// must not throw and should return quickly.
/// </summary>
public interface ITestRunProgress
{
    /// <summary>The run began.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="deviceAddress">The unit's address.</param>
    void RunStarted(TestPlan plan, string deviceAddress);

    /// <summary>A phase attempt began.</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="attempt">Attempt number, from 1.</param>
    void PhaseStarted(PhasePlan phase, int attempt);

    /// <summary>A step began.</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="planStep">The step.</param>
    void StepStarted(PhasePlan phase, StepPlan planStep);

    /// <summary>A measurement was judged.</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="measurement">The judged measurement.</param>
    void MeasurementJudged(PhasePlan phase, MeasurementRecord measurement);

    /// <summary>A phase finished (after its last attempt) or was skipped.</summary>
    /// <param name="phase">The phase's record.</param>
    void PhaseFinished(PhaseRecord phase);

    /// <summary>The run finished; the record is complete.</summary>
    /// <param name="record">The record.</param>
    void RunFinished(TestRecord record);
}

/// <summary>A progress sink that ignores everything.</summary>
public sealed class NoProgress : ITestRunProgress
{
    /// <summary>Gets the shared instance.</summary>
    public static NoProgress Instance { get; } = new();

    /// <inheritdoc/>
    public void RunStarted(TestPlan plan, string deviceAddress)
    {
    }

    /// <inheritdoc/>
    public void PhaseStarted(PhasePlan phase, int attempt)
    {
    }

    /// <inheritdoc/>
    public void StepStarted(PhasePlan phase, StepPlan planStep)
    {
    }

    /// <inheritdoc/>
    public void MeasurementJudged(PhasePlan phase, MeasurementRecord measurement)
    {
    }

    /// <inheritdoc/>
    public void PhaseFinished(PhaseRecord phase)
    {
    }

    /// <inheritdoc/>
    public void RunFinished(TestRecord record)
    {
    }
}
