using Wand.Host.TestRuns.Plans;

namespace Wand.Host.TestRuns.Steps;

/// <summary>
/// A kind of plan step: the key that names it in YAML (<c>read</c>, <c>command</c>, <c>world</c>, …) and its parser.
/// This is the extension point for new station jobs (for example a calibration step): implement it, parse the step's
/// arguments into an <see cref="ITestStep"/>, and add it to the <see cref="StepRegistry"/> the plan is loaded with.
/// </summary>
public interface IStepKind
{
    /// <summary>Gets the YAML key that names the step, lower case with hyphens, unique in a registry.</summary>
    string Name { get; }

    /// <summary>Gets one sentence saying what the step does, for <c>wand test list-steps</c>.</summary>
    string Summary { get; }

    /// <summary>Gets a YAML example of the step, one or a few lines.</summary>
    string Example { get; }

    /// <summary>
    /// Reads the step's arguments (the node under the step's key) and reports every problem through
    /// <see cref="PlanNode.Error"/> or the reader methods, which carry file, line and column.
    /// </summary>
    /// <param name="arguments">The node under the step key: a scalar, a mapping or empty.</param>
    /// <returns>The step, or <c>null</c> when the arguments were malformed (errors reported).</returns>
    ITestStep? Parse(PlanNode arguments);
}
