namespace Wand.Host.TestRuns.Records;

/// <summary>
/// A run of a unit that the results store already holds runs of under the same plan: retest <see cref="Number"/> of
/// that serial, after the run named.
/// </summary>
public sealed class RetestRecord
{
    /// <summary>Gets which retest this is: 1 for the second run of the unit under the plan, 2 for the third, and so on.</summary>
    public required int Number { get; init; }

    /// <summary>Gets the run ID of the unit's latest earlier run.</summary>
    public required string PreviousRunId { get; init; }

    /// <summary>Gets that run's outcome, upper case: PASS, FAIL, ERROR, TIMEOUT or ABORTED.</summary>
    public required string PreviousOutcome { get; init; }
}
