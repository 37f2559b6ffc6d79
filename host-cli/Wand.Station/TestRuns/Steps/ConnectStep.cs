using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.TestRuns.Plans;
using Wand.Protocol.Profile;

namespace Wand.Host.TestRuns.Steps;

/// <summary><c>connect</c>: opens the link and subscribes to notifications (status and control-point by default).</summary>
public sealed class ConnectStepKind : IStepKind
{
    /// <inheritdoc/>
    public string Name => "connect";

    /// <inheritdoc/>
    public string Summary => "Open the link to the unit and subscribe to notifications (default: status, control-point, head).";

    /// <inheritdoc/>
    public string Example => "- connect: {subscribe: [status, control-point]}";

    /// <inheritdoc/>
    public ITestStep? Parse(PlanNode arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        string[] subscribe = ["status", "control-point", "head"];
        if (!arguments.IsEmpty)
        {
            PlanMap? map = arguments.AsMap("subscribe");
            if (map?.Get("subscribe") is PlanNode list)
            {
                List<string> names = [];
                foreach (PlanNode item in list.AsSequence())
                {
                    CharacteristicDefinition? definition = ProfileLookup.ReadCharacteristic(item);
                    if (definition != null && !definition.CanNotify)
                    {
                        item.Error($"'{definition.Name}' does not notify; characteristics that notify: {string.Join(", ", NotifyingNames())}.");
                    }
                    else if (definition != null)
                    {
                        names.Add(definition.Name);
                    }
                }

                subscribe = [.. names];
            }
        }

        return new ConnectStep(subscribe);
    }

    private static IEnumerable<string> NotifyingNames()
        => ProfileLookup.Characteristics.Keys.Where(name => WandProfile.Characteristic(ProfileLookup.Characteristics[name]).CanNotify);

    private sealed class ConnectStep(string[] subscribe) : ITestStep
    {
        public string Description => "connect";

        public bool RequiresVirtualWand => false;

        public IReadOnlyCollection<string> Fields => ["address"];

        public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            if (context.Link.State != Links.LinkState.Connected)
            {
                await context.Link.ConnectAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (string name in subscribe)
            {
                CharacteristicDefinition definition = WandProfile.Characteristic(ProfileLookup.Characteristics[name]);
                await context.Link.SubscribeAsync(ProfileLookup.Uuid(definition), true, cancellationToken).ConfigureAwait(false);
            }

            return StepResult.Ok(new Dictionary<string, MeasuredValue> { ["address"] = MeasuredValue.Of(context.Link.Address) });
        }
    }
}

/// <summary><c>disconnect</c>: closes the link deliberately.</summary>
public sealed class DisconnectStepKind : IStepKind
{
    /// <inheritdoc/>
    public string Name => "disconnect";

    /// <inheritdoc/>
    public string Summary => "Close the link to the unit.";

    /// <inheritdoc/>
    public string Example => "- disconnect:";

    /// <inheritdoc/>
    public ITestStep? Parse(PlanNode arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!arguments.IsEmpty)
        {
            arguments.Error("'disconnect' takes no arguments.");
        }

        return new DisconnectStep();
    }

    private sealed class DisconnectStep : ITestStep
    {
        public string Description => "disconnect";

        public bool RequiresVirtualWand => false;

        public IReadOnlyCollection<string> Fields => [];

        public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            if (context.Link.State == Links.LinkState.Connected)
            {
                await context.Link.DisconnectAsync(cancellationToken).ConfigureAwait(false);
            }

            return StepResult.Ok();
        }
    }
}
