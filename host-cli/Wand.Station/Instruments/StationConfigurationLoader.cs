using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Wand.Host.TestRuns.Plans;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Wand.Host.Instruments;

/// <summary>
/// Reads a station configuration (YAML) and reports every problem with file, line and column, as plans do:
/// <c>station</c>, <c>timeout-ms</c>, <c>instruments</c> (name: {kind, address, channel}) and <c>actions</c> (each fixture
/// action: <c>virtual</c> or {instrument, channel | channels}). hardware/station-fixture.md describes the format.
/// </summary>
public static class StationConfigurationLoader
{
    private static readonly Dictionary<string, InstrumentKind> Kinds = new(StringComparer.Ordinal)
    {
        ["dc-supply"] = InstrumentKind.DcSupply,
        ["dmm"] = InstrumentKind.Multimeter,
        ["switch"] = InstrumentKind.SwitchUnit,
        ["jig"] = InstrumentKind.JigAccelerometer,
    };

    private static readonly Dictionary<string, SupplyDialect> Dialects = new(StringComparer.Ordinal)
    {
        ["scpi"] = SupplyDialect.Scpi,
        ["siglent"] = SupplyDialect.Siglent,
    };

    private static readonly Dictionary<string, InstrumentKind> ActionKinds = new(StringComparer.Ordinal)
    {
        ["head-resistor"] = InstrumentKind.SwitchUnit,
        ["ntc-substitute"] = InstrumentKind.SwitchUnit,
        ["supply"] = InstrumentKind.DcSupply,
        ["supply-current"] = InstrumentKind.DcSupply,
        ["supply-voltage"] = InstrumentKind.DcSupply,
        ["usb-power"] = InstrumentKind.SwitchUnit,
        ["button"] = InstrumentKind.SwitchUnit,
        ["motor-voltage"] = InstrumentKind.Multimeter,
        ["head-vibration"] = InstrumentKind.JigAccelerometer,
    };

    /// <summary>Reads a configuration file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The validated configuration.</returns>
    /// <exception cref="PlanValidationException">The file is unreadable or malformed; every error with its location.</exception>
    public static StationConfiguration Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new PlanValidationException([new PlanError(new SourceLocation(path, 1, 1), "Cannot read the station configuration: " + error.Message)]);
        }
    }

    /// <summary>Reads a configuration from text.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">The file name for messages.</param>
    /// <returns>The validated configuration.</returns>
    /// <exception cref="PlanValidationException">The configuration is malformed; every error with its location.</exception>
    public static StationConfiguration Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        PlanErrorList errors = new();
        YamlStream stream = [];
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            errors.Add(new SourceLocation(file, (int)error.Start.Line, (int)error.Start.Column), "Not valid YAML: " + (error.InnerException?.Message ?? error.Message));
            errors.ThrowIfAny();
        }

        if (stream.Documents.Count != 1)
        {
            errors.Add(new SourceLocation(file, 1, 1), "A station configuration holds exactly one YAML document (station, instruments, actions).");
            errors.ThrowIfAny();
        }

        PlanNode root = new(file, stream.Documents[0].RootNode, errors, string.Empty);
        PlanMap? map = root.AsMap("station", "timeout-ms", "instruments", "actions");
        if (map == null)
        {
            errors.ThrowIfAny();
        }

        string station = map!.Text("station", required: true) ?? string.Empty;
        long timeoutMilliseconds = map.WholeNumber("timeout-ms", 10, 60_000) ?? 2000;
        Dictionary<string, InstrumentConfiguration> instruments = ReadInstruments(map.Get("instruments"));
        Dictionary<string, ActionBinding> actions = ReadActions(map.Get("actions", required: true), instruments);
        errors.ThrowIfAny();
        return new StationConfiguration(station, TimeSpan.FromMilliseconds(timeoutMilliseconds), instruments, actions);
    }

    private static Dictionary<string, InstrumentConfiguration> ReadInstruments(PlanNode? node)
    {
        Dictionary<string, InstrumentConfiguration> result = new(StringComparer.Ordinal);
        if (node == null || node.IsEmpty)
        {
            return result;
        }

        PlanMap? map = node.AsMap();
        foreach (string name in map?.Keys ?? [])
        {
            PlanNode entry = map!.Get(name)!;
            PlanMap? fields = entry.AsMap("kind", "address", "channel", "dialect");
            if (fields == null)
            {
                continue;
            }

            InstrumentKind? kind = fields.Choice("kind", Kinds, required: true);
            string? address = fields.Text("address", required: true);
            long? channel = fields.WholeNumber("channel", 1, 4);
            SupplyDialect dialect = fields.Choice("dialect", Dialects) ?? SupplyDialect.Scpi;
            if (fields.Get("dialect") is PlanNode dialectNode && kind is InstrumentKind given && given != InstrumentKind.DcSupply)
            {
                dialectNode.Error("'dialect' applies to a dc-supply only.");
            }
            if (address != null && ScpiConnector.Check(address) is string problem)
            {
                fields.Get("address")!.Error(problem);
                continue;
            }

            if (kind is InstrumentKind known && address != null)
            {
                result[name] = new InstrumentConfiguration(name, known, address, channel is long number ? (int)number : null, dialect);
            }
        }

        return result;
    }

    private static Dictionary<string, ActionBinding> ReadActions(PlanNode? node, Dictionary<string, InstrumentConfiguration> instruments)
    {
        Dictionary<string, ActionBinding> result = new(StringComparer.Ordinal);
        PlanMap? map = node?.AsMap([.. StationConfiguration.ActionNames]);
        if (map == null)
        {
            return result;
        }

        foreach (string action in StationConfiguration.ActionNames)
        {
            PlanNode? entry = map.Get(action);
            if (entry == null && action == "supply-voltage" && result.TryGetValue("supply", out ActionBinding? supply))
            {
                // Unmapped, the supply's own read-back (MEAS:VOLT?) meters the voltage it sets.
                result[action] = supply;
                continue;
            }

            if (entry == null)
            {
                node!.Error($"'actions' must map '{action}' to virtual or an instrument; every fixture action is mapped so a plan means the same on every station.");
                continue;
            }

            if (entry.IsScalar && entry.AsText() == "virtual")
            {
                result[action] = ActionBinding.Virtual;
                continue;
            }

            if (ReadBinding(action, entry, instruments) is ActionBinding binding)
            {
                result[action] = binding;
            }
        }

        return result;
    }

    private static ActionBinding? ReadBinding(string action, PlanNode entry, Dictionary<string, InstrumentConfiguration> instruments)
    {
        bool resistors = action is "head-resistor" or "ntc-substitute";
        bool single = action is "usb-power" or "button";
        bool windowed = action is "head-vibration";
        PlanMap? fields = resistors ? entry.AsMap("instrument", "channels") : single ? entry.AsMap("instrument", "channel") : windowed ? entry.AsMap("instrument", "window-ms") : entry.AsMap("instrument");
        if (fields == null)
        {
            return null;
        }

        string? name = fields.Text("instrument", required: true);
        if (name == null)
        {
            return null;
        }

        InstrumentKind wanted = ActionKinds[action];
        if (!instruments.TryGetValue(name, out InstrumentConfiguration? instrument))
        {
            fields.Get("instrument")!.Error($"'{name}' is not among the instruments ({string.Join(", ", instruments.Keys)}).");
            return null;
        }

        if (instrument.Kind != wanted)
        {
            fields.Get("instrument")!.Error($"'{action}' needs a {Kinds.First(pair => pair.Value == wanted).Key}, but '{name}' is a {Kinds.First(pair => pair.Value == instrument.Kind).Key}.");
            return null;
        }

        int? window = windowed && fields.WholeNumber("window-ms", 5, 2000) is long milliseconds ? (int)milliseconds : null;

        int? channel = single && fields.WholeNumber("channel", 1, 9999, required: true) is long number ? (int)number : null;
        Dictionary<double, int> channels = [];
        if (resistors && fields.Get("channels", required: true) is PlanNode list && list.AsMap() is PlanMap resistorMap)
        {
            foreach (string key in resistorMap.Keys)
            {
                PlanNode value = resistorMap.Get(key)!;
                double ohms = key == "short" ? 0 : double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && parsed > 0 ? parsed : -1;
                if (ohms < 0)
                {
                    value.Error($"'{key}' must be a resistance in ohms above 0, or short.");
                }
                else if (value.AsInteger(1, 9999) is long switchChannel)
                {
                    channels[ohms] = (int)switchChannel;
                }
            }
        }

        return (single && channel == null) || (resistors && channels.Count == 0) ? null : new ActionBinding(name, channel, channels, window);
    }
}
