using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.TestRuns.Plans;
using Wand.Protocol.Profile;

namespace Wand.Host.TestRuns.Steps;

/// <summary>
/// <c>wait</c>: polls status until a condition holds, letting device time pass, or fails after a timeout in device
/// time. Returns <c>elapsed-ms</c> (device time until the condition held) and the last status fields.
/// </summary>
public sealed class WaitStepKind : IStepKind
{
    /// <summary>Longest allowed wait, in milliseconds (one hour).</summary>
    public const long MaximumTimeoutMilliseconds = 3_600_000;

    /// <inheritdoc/>
    public string Name => "wait";

    /// <inheritdoc/>
    public string Summary => "Wait until status fields hold (state: running, drive-level: {min: 2.9}, …) within timeout-ms of device time; elapsed-ms can be measured. characteristic: routine waits on another readable characteristic's fields instead (phase: cue).";

    /// <inheritdoc/>
    public string Example => "- wait: {until: {state: running, drive-level: 3}, timeout-ms: 2000}";

    /// <inheritdoc/>
    public ITestStep? Parse(PlanNode arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        PlanMap? map = arguments.AsMap("until", "timeout-ms", "poll-ms", "characteristic");
        if (map == null)
        {
            return null;
        }

        string characteristic = "status";
        if (map.Get("characteristic") is PlanNode characteristicNode)
        {
            string? name = characteristicNode.AsText();
            int index = name == null ? -1 : WandProfile.IndexOfName(name);
            if (index < 0 || !WandProfile.Characteristic(index).CanRead)
            {
                characteristicNode.Error($"'characteristic' must name a readable characteristic such as status or routine; found '{name}'.");
                return null;
            }

            characteristic = name!;
        }

        StatusCondition? condition = map.Get("until", required: true) is PlanNode until ? StatusCondition.Parse(until, characteristic) : null;
        long? timeout = map.WholeNumber("timeout-ms", 1, MaximumTimeoutMilliseconds, required: true);
        long poll = map.WholeNumber("poll-ms", 1, 60_000) ?? StepContext.PollMilliseconds;
        return condition == null || timeout == null ? null : new WaitStep(characteristic, condition, timeout.Value, poll);
    }

    private sealed class WaitStep(string characteristic, StatusCondition condition, long timeoutMilliseconds, long pollMilliseconds) : ITestStep
    {
        private readonly Guid uuid = ProfileLookup.Uuid(WandProfile.Characteristic(WandProfile.IndexOfName(characteristic)));

        public string Description => string.Create(CultureInfo.InvariantCulture, $"wait until {(characteristic == "status" ? string.Empty : characteristic + " ")}{condition} (≤ {timeoutMilliseconds} ms)");

        public bool RequiresVirtualWand => false;

        public IReadOnlyCollection<string> Fields => ["elapsed-ms", "reached", .. CharacteristicFields.Of(characteristic)];

        public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            long start = context.DeviceMilliseconds;
            while (true)
            {
                byte[] value = await context.Link.ReadAsync(uuid, cancellationToken).ConfigureAwait(false);
                Dictionary<string, MeasuredValue> fields = CharacteristicFields.Decode(characteristic, value);
                long elapsed = context.DeviceMilliseconds - start;
                if (condition.IsMet(fields))
                {
                    fields["elapsed-ms"] = MeasuredValue.Of(elapsed);
                    fields["reached"] = MeasuredValue.Of(true);
                    return StepResult.Ok(fields);
                }

                if (elapsed >= timeoutMilliseconds)
                {
                    fields["reached"] = MeasuredValue.Of(false);
                    return StepResult.Failed(string.Create(CultureInfo.InvariantCulture, $"The unit did not reach {condition} within {timeoutMilliseconds} ms; last status: {condition.Describe(fields)}."), fields);
                }

                await context.LetTimePassAsync(Math.Min(pollMilliseconds, timeoutMilliseconds - elapsed), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
