using System.Collections.Generic;
using System.Linq;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.TestRuns.Running;

/// <summary>
/// How phase outcomes combine into the run's outcome. Precedence: ABORTED (the operator stopped it) over ERROR (the
/// station or link broke) over TIMEOUT over FAIL (the unit is bad) over PASS. A unit out of limits is never an ERROR.
/// </summary>
public static class OutcomeRules
{
    /// <summary>Combines phase outcomes.</summary>
    /// <param name="phases">The phase outcomes (skipped phases count for nothing).</param>
    /// <param name="aborted">Whether the operator stopped the run.</param>
    /// <returns>The run's outcome.</returns>
    public static RunOutcome Combine(IEnumerable<PhaseOutcome> phases, bool aborted)
    {
        List<PhaseOutcome> outcomes = phases.ToList();
        if (aborted || outcomes.Contains(PhaseOutcome.Aborted))
        {
            return RunOutcome.Aborted;
        }

        if (outcomes.Contains(PhaseOutcome.Error))
        {
            return RunOutcome.Error;
        }

        if (outcomes.Contains(PhaseOutcome.Timeout))
        {
            return RunOutcome.Timeout;
        }

        return outcomes.Contains(PhaseOutcome.Fail) ? RunOutcome.Fail : RunOutcome.Pass;
    }

    /// <summary>Tells whether a phase outcome stops the phases after it (teardown still runs).</summary>
    /// <param name="outcome">The phase's outcome.</param>
    /// <returns><c>true</c> for ERROR, TIMEOUT and ABORTED: the station is in doubt, nothing more can be learned.</returns>
    public static bool StopsRun(PhaseOutcome outcome) => outcome is PhaseOutcome.Error or PhaseOutcome.Timeout or PhaseOutcome.Aborted;

    /// <summary>Tells whether a phase with this outcome may be retried.</summary>
    /// <param name="outcome">The attempt's outcome.</param>
    /// <returns><c>true</c> for FAIL, ERROR and TIMEOUT.</returns>
    public static bool MayRetry(PhaseOutcome outcome) => outcome is PhaseOutcome.Fail or PhaseOutcome.Error or PhaseOutcome.Timeout;

    /// <summary>Gets the upper-case name used in reports and exit messages.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>PASS, FAIL, ERROR, TIMEOUT or ABORTED.</returns>
    public static string Name(RunOutcome outcome) => outcome.ToString().ToUpperInvariant();
}
