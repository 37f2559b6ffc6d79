using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.TestRuns.Steps;

/// <summary>
/// One parsed step, ready to run. A step acts on the unit and returns named fields; the plan's measurements pick
/// fields and the runner judges them against limits, so a step never decides pass or fail of a measurement itself.
/// A step reports a unit that answered wrongly through <see cref="StepResult.Failure"/> (FAIL), and a broken station
/// or link by throwing a <see cref="WandHostException"/> (ERROR).
/// </summary>
public interface ITestStep
{
    /// <summary>Gets a short description for progress and reports, for example <c>read status</c>.</summary>
    string Description { get; }

    /// <summary>Gets a value indicating whether the step needs a virtual wand (world controls); checked before a run.</summary>
    bool RequiresVirtualWand { get; }

    /// <summary>Gets the names of the fields the step returns, so measurements can be checked before a run.</summary>
    IReadOnlyCollection<string> Fields { get; }

    /// <summary>Runs the step.</summary>
    /// <param name="context">The unit, the station and the run's recorders.</param>
    /// <param name="cancellationToken">Cancels the step (Ctrl-C or a phase time limit).</param>
    /// <returns>The fields and, if the unit misbehaved, why.</returns>
    Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken);
}
