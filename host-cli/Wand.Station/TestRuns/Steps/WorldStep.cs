using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Core.Board;
using Wand.Host.TestRuns.Plans;
using Wand.Protocol.Vocabulary;

namespace Wand.Host.TestRuns.Steps;

/// <summary>
/// <c>world</c>: changes a virtual wand's simulated world, in the order written: head (a head name, none, short or an
/// ID resistor in ohms), temperature-c (or <c>model</c>), battery-v, usb, button-ms, fault. Refused against real
/// hardware, before the run starts.
/// </summary>
public sealed class WorldStepKind : IStepKind
{
    private static readonly string[] Keys = ["head", "temperature-c", "battery-v", "usb", "button-ms", "fault"];

    /// <inheritdoc/>
    public string Name => "world";

    /// <inheritdoc/>
    public string Summary => "Virtual wands only: set head (soft-dome, ridged-wave, bristle-brush, none, short or ohms), temperature-c (or model), battery-v, usb, button-ms, fault.";

    /// <inheritdoc/>
    public string Example => "- world: {head: ridged-wave, temperature-c: 25, battery-v: 3.9, usb: false}";

    /// <inheritdoc/>
    public ITestStep? Parse(PlanNode arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        PlanMap? map = arguments.AsMap(Keys);
        if (map == null)
        {
            return null;
        }

        if (!map.Keys.Any())
        {
            arguments.Error($"'world' needs at least one of {string.Join(", ", Keys)}.");
            return null;
        }

        List<(string Description, Func<Links.IWorldControl, CancellationToken, Task> Apply)> actions = [];
        bool valid = true;
        foreach (string key in map.Keys.Where(Keys.Contains))
        {
            PlanNode node = map.Get(key)!;
            (string, Func<Links.IWorldControl, CancellationToken, Task>)? action = key switch
            {
                "head" => ReadHead(node),
                "temperature-c" => ReadTemperature(node),
                "battery-v" => node.AsNumber(3.0, 4.2) is double volts ? (string.Create(CultureInfo.InvariantCulture, $"battery {volts} V"), (world, token) => world.SetBatteryAsync(volts, token)) : null,
                "usb" => node.AsBoolean() is bool plugged ? (plugged ? "USB plugged" : "USB unplugged", (world, token) => world.SetUsbPowerAsync(plugged, token)) : null,
                "button-ms" => node.AsInteger(20, 10_000) is long hold ? (string.Create(CultureInfo.InvariantCulture, $"button {hold} ms"), (world, token) => world.PressButtonAsync((int)hold, token)) : null,
                _ => node.AsText() is string fault && fault.Length > 0 ? ("fault " + fault, (world, token) => world.InjectFaultAsync(fault, token)) : null,
            };
            if (action is { } value)
            {
                actions.Add(value);
            }
            else
            {
                valid = false;
            }
        }

        return valid && map.Keys.All(Keys.Contains) ? new WorldStep(actions) : null;
    }

    private static (string, Func<Links.IWorldControl, CancellationToken, Task>)? ReadHead(PlanNode node)
    {
        string? text = node.AsText();
        if (text == null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double ohms) && ohms >= 0)
        {
            return (string.Create(CultureInfo.InvariantCulture, $"head resistor {ohms} Ω"), (world, token) => world.SetHeadResistorAsync(ohms, token));
        }

        switch (text)
        {
            case "none":
                return ("head detached", (world, token) => world.SetHeadResistorAsync(null, token));
            case "short":
                return ("head line shorted", (world, token) => world.SetHeadResistorAsync(0, token));
        }

        HeadCatalog catalog = HeadCatalog.CreateDefault();
        foreach (KeyValuePair<string, HeadIdentity> entry in Names.Table<HeadIdentity>())
        {
            HeadDefinition? head = entry.Key == text ? catalog.Find(entry.Value) : null;
            if (head != null)
            {
                double nominal = head.IdResistorOhms;
                return (string.Create(CultureInfo.InvariantCulture, $"head {text} ({nominal} Ω)"), (world, token) => world.SetHeadResistorAsync(nominal, token));
            }
        }

        node.Error($"'{node.Path}' must be soft-dome, ridged-wave, bristle-brush, none, short or an ID resistor in ohms; found '{text}'.");
        return null;
    }

    private static (string, Func<Links.IWorldControl, CancellationToken, Task>)? ReadTemperature(PlanNode node)
    {
        if (node.IsScalar && node.AsText() == "model")
        {
            return ("temperature from the thermal model", (world, token) => world.SetTemperatureAsync(null, token));
        }

        return node.AsNumber(-20, 90) is double celsius
            ? (string.Create(CultureInfo.InvariantCulture, $"head {celsius} °C"), (world, token) => world.SetTemperatureAsync(celsius, token))
            : null;
    }

    private sealed class WorldStep(List<(string Description, Func<Links.IWorldControl, CancellationToken, Task> Apply)> actions) : ITestStep
    {
        public string Description => "world: " + string.Join(", ", actions.Select(action => action.Description));

        public bool RequiresVirtualWand => true;

        public IReadOnlyCollection<string> Fields => [];

        public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            Links.IWorldControl world = context.World;
            foreach ((string _, Func<Links.IWorldControl, CancellationToken, Task> apply) in actions)
            {
                try
                {
                    await apply(world, cancellationToken).ConfigureAwait(false);
                }
                catch (ArgumentException error)
                {
                    throw new WandHostException("The virtual wand refused a world change: " + error.Message, error);
                }
            }

            return StepResult.Ok();
        }
    }
}
