using System;
using System.Collections.Generic;

namespace Wand.Host.TestRuns.Steps;

/// <summary>What a step returns: named fields for measurements and, when the unit misbehaved, why.</summary>
public sealed class StepResult
{
    private StepResult(IReadOnlyDictionary<string, MeasuredValue> fields, string? failure)
    {
        Fields = fields;
        Failure = failure;
    }

    /// <summary>Gets the fields by name.</summary>
    public IReadOnlyDictionary<string, MeasuredValue> Fields { get; }

    /// <summary>Gets why the unit failed this step (phase outcome FAIL), or <c>null</c> when it behaved.</summary>
    public string? Failure { get; }

    /// <summary>Makes a result of a step the unit passed.</summary>
    /// <param name="fields">The fields; <c>null</c> for none.</param>
    /// <returns>The result.</returns>
    public static StepResult Ok(IReadOnlyDictionary<string, MeasuredValue>? fields = null)
        => new(fields ?? new Dictionary<string, MeasuredValue>(), null);

    /// <summary>Makes a result of a step the unit failed.</summary>
    /// <param name="failure">What the unit did wrong, for people.</param>
    /// <param name="fields">The fields gathered so far; <c>null</c> for none.</param>
    /// <returns>The result.</returns>
    public static StepResult Failed(string failure, IReadOnlyDictionary<string, MeasuredValue>? fields = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(failure);
        return new(fields ?? new Dictionary<string, MeasuredValue>(), failure);
    }
}
