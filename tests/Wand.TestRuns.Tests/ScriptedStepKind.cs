using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Steps;

namespace Wand.TestRuns.Tests;

/// <summary>
/// A test step kind registered through the extension point: returns <c>value</c>, fails its first <c>fail-times</c>
/// runs, throws a station error (<c>throw: link</c>), or hangs until cancelled (<c>hang: true</c>).
/// </summary>
internal sealed class ScriptedStepKind : IStepKind
{
    public string Name => "scripted";

    public string Summary => "Test double.";

    public string Example => "- scripted: {value: 1.5}";

    public List<string> Log { get; } = [];

    /// <summary>Raised when a hanging step has started and waits for cancellation, so a test can cancel on that event.</summary>
    public event Action? Hanging;

    public ITestStep? Parse(PlanNode arguments)
    {
        PlanMap? map = arguments.AsMap("value", "fail-times", "throw", "hang", "label", "attach");
        if (map == null)
        {
            return null;
        }

        return new ScriptedStep(this, map.Number("value") ?? 1, (int)(map.WholeNumber("fail-times", 0, 100) ?? 0), map.Text("throw"), map.Boolean("hang") ?? false, map.Text("label") ?? "scripted", map.Text("attach"));
    }

    private sealed class ScriptedStep(ScriptedStepKind kind, double value, int failTimes, string? throwKind, bool hang, string label, string? attachment) : ITestStep
    {
        private int runs;

        public string Description => label;

        public bool RequiresVirtualWand => false;

        public IReadOnlyCollection<string> Fields => ["value"];

        public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            runs++;
            kind.Log.Add(label);
            if (hang)
            {
                Task waiting = Task.Delay(Timeout.Infinite, cancellationToken);
                kind.Hanging?.Invoke();
                await waiting;
            }

            switch (throwKind)
            {
                case "link":
                    throw new LinkLostException("The link dropped.");
                case "bug":
                    throw new InvalidOperationException("A bug.");
            }

            if (attachment != null)
            {
                context.Attach(attachment, "application/octet-stream", [0x01, 0x02, 0x03]);
            }

            Dictionary<string, MeasuredValue> fields = new() { ["value"] = MeasuredValue.Of(value) };
            return runs <= failTimes ? StepResult.Failed("the unit misbehaved", fields) : StepResult.Ok(fields);
        }
    }
}
