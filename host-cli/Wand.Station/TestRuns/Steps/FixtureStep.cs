using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.TestRuns.Fixture;
using Wand.Host.TestRuns.Plans;

namespace Wand.Host.TestRuns.Steps;

/// <summary>
/// <c>fixture</c>: the station fixture's actions (HC-4), in the order written: head (a head name, none, short or an
/// ID resistor in ohms), ntc-c (a substitute for that temperature, or <c>head</c> to reconnect the NTC), supply-v with
/// supply-limit-a, usb, button-ms; then the measurements listed under <c>measure-fixture</c> (supply-current,
/// supply-voltage, motor-voltage, head-vibration), returned as fields supply-current-a, supply-voltage-v, motor-v and
/// vibration-g. The same step means
/// the same on every station; the station configuration decides which instrument does it.
/// </summary>
public sealed class FixtureStepKind : IStepKind
{
    private static readonly string[] Keys = ["head", "ntc-c", "supply-v", "supply-limit-a", "usb", "button-ms", "measure-fixture"];

    private static readonly Dictionary<string, (string Field, Func<IFixtureActions, CancellationToken, Task<double>> Read)> Readings = new(StringComparer.Ordinal)
    {
        ["supply-current"] = ("supply-current-a", (actions, token) => actions.MeasureSupplyCurrentAsync(token)),
        ["supply-voltage"] = ("supply-voltage-v", (actions, token) => actions.MeasureSupplyVoltsAsync(token)),
        ["motor-voltage"] = ("motor-v", (actions, token) => actions.MeasureMotorVoltsAsync(token)),
        ["head-vibration"] = ("vibration-g", (actions, token) => actions.MeasureHeadVibrationAsync(token)),
    };

    /// <inheritdoc/>
    public string Name => "fixture";

    /// <inheritdoc/>
    public string Summary => "Fixture actions: head (name, none, short or ohms), ntc-c (or head), supply-v, supply-limit-a, usb, button-ms; measure-fixture: supply-current, supply-voltage, motor-voltage, head-vibration (fields supply-current-a, supply-voltage-v, motor-v, vibration-g).";

    /// <inheritdoc/>
    public string Example => "- fixture: {head: soft-dome, ntc-c: 25, supply-v: 3.9, supply-limit-a: 1.5, usb: false, measure-fixture: [supply-current]}";

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
            arguments.Error($"'fixture' needs at least one of {string.Join(", ", Keys)}.");
            return null;
        }

        List<(string Description, Func<IFixtureActions, CancellationToken, Task> Apply)> actions = [];
        List<string> readings = [];
        bool valid = map.Keys.All(Keys.Contains);
        double? limit = map.Has("supply-limit-a") ? map.Number("supply-limit-a", 0.01, 3.0) : null;
        if (map.Has("supply-limit-a") && !map.Has("supply-v"))
        {
            map.Get("supply-limit-a")!.Error("'supply-limit-a' is set together with 'supply-v'.");
            valid = false;
        }

        valid &= !map.Has("supply-limit-a") || limit != null;
        foreach (string key in map.Keys.Where(key => key is not "supply-limit-a" and not "measure-fixture" && Keys.Contains(key)))
        {
            PlanNode node = map.Get(key)!;
            (string, Func<IFixtureActions, CancellationToken, Task>)? action = key switch
            {
                "head" => HeadResistorChoice.Read(node) is { } head ? (head.Description, (fixture, token) => fixture.SelectHeadResistorAsync(head.Ohms, token)) : null,
                "ntc-c" => ReadNtc(node),
                "supply-v" => node.AsNumber(3.0, 4.2) is double volts
                    ? (Describe(volts, limit), (fixture, token) => fixture.SetSupplyAsync(volts, limit, token))
                    : null,
                "usb" => node.AsBoolean() is bool on ? (on ? "USB power on" : "USB power off", (fixture, token) => fixture.SetUsbPowerAsync(on, token)) : null,
                _ => node.AsInteger(20, 10_000) is long hold ? (string.Create(CultureInfo.InvariantCulture, $"button {hold} ms"), (fixture, token) => fixture.PressButtonAsync((int)hold, token)) : null,
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

        if (map.Get("measure-fixture") is PlanNode measure)
        {
            IReadOnlyList<PlanNode> items = measure.IsSequence ? measure.AsSequence() : [measure];
            foreach (PlanNode item in items)
            {
                string? name = item.AsText();
                if (name != null && Readings.ContainsKey(name) && !readings.Contains(name))
                {
                    readings.Add(name);
                }
                else if (name != null)
                {
                    item.Error($"'{item.Path}' must be one of {string.Join(", ", Readings.Keys)}, each once; found '{name}'.");
                    valid = false;
                }
                else
                {
                    valid = false;
                }
            }
        }

        return valid ? new FixtureStep(actions, readings) : null;
    }

    private static string Describe(double volts, double? limit) => limit is double amperes
        ? string.Create(CultureInfo.InvariantCulture, $"supply {volts} V, limit {amperes} A")
        : string.Create(CultureInfo.InvariantCulture, $"supply {volts} V");

    private static (string, Func<IFixtureActions, CancellationToken, Task>)? ReadNtc(PlanNode node)
    {
        if (node.IsScalar && node.AsText() == "head")
        {
            return ("head NTC reconnected", (fixture, token) => fixture.SelectNtcSubstituteAsync(null, token));
        }

        if (node.AsNumber(-20, 90) is not double celsius)
        {
            return null;
        }

        double ohms = NtcSubstitute.OhmsAt(celsius);
        return (string.Create(CultureInfo.InvariantCulture, $"NTC substitute {ohms:F0} Ω ({celsius} °C)"), (fixture, token) => fixture.SelectNtcSubstituteAsync(ohms, token));
    }

    private sealed class FixtureStep(
        List<(string Description, Func<IFixtureActions, CancellationToken, Task> Apply)> actions,
        List<string> readings) : ITestStep
    {
        public string Description => "fixture: " + string.Join(", ", actions.Select(action => action.Description).Concat(readings.Select(reading => "measure " + reading)));

        public bool RequiresVirtualWand => false;

        public IReadOnlyCollection<string> Fields => [.. readings.Select(reading => Readings[reading].Field)];

        public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            IFixtureActions fixture = context.FixtureActions;
            foreach ((string _, Func<IFixtureActions, CancellationToken, Task> apply) in actions)
            {
                await apply(fixture, cancellationToken).ConfigureAwait(false);
            }

            Dictionary<string, MeasuredValue> fields = new(StringComparer.Ordinal);
            foreach (string reading in readings)
            {
                (string field, Func<IFixtureActions, CancellationToken, Task<double>> read) = Readings[reading];
                fields[field] = MeasuredValue.Of(await read(fixture, cancellationToken).ConfigureAwait(false));
            }

            return StepResult.Ok(fields);
        }
    }
}
