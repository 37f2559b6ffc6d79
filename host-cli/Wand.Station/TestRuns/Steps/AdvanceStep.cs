using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.TestRuns.Plans;

namespace Wand.Host.TestRuns.Steps;

/// <summary><c>advance</c>: lets device time pass: virtual time on a virtual wand (fast), the wall clock on hardware.</summary>
public sealed class AdvanceStepKind : IStepKind
{
    /// <inheritdoc/>
    public string Name => "advance";

    /// <inheritdoc/>
    public string Summary => "Let device time pass, in milliseconds: virtual time on a virtual wand, real time on hardware.";

    /// <inheritdoc/>
    public string Example => "- advance: 60000";

    /// <inheritdoc/>
    public ITestStep? Parse(PlanNode arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        long? milliseconds = arguments.AsInteger(0, 3_600_000);
        return milliseconds == null ? null : new AdvanceStep(milliseconds.Value);
    }

    private sealed class AdvanceStep(long milliseconds) : ITestStep
    {
        public string Description => string.Create(CultureInfo.InvariantCulture, $"advance {milliseconds} ms");

        public bool RequiresVirtualWand => false;

        public IReadOnlyCollection<string> Fields => ["device-time-ms"];

        public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            await context.LetTimePassAsync(milliseconds, cancellationToken).ConfigureAwait(false);
            return StepResult.Ok(new Dictionary<string, MeasuredValue> { ["device-time-ms"] = MeasuredValue.Of(context.DeviceMilliseconds) });
        }
    }
}
