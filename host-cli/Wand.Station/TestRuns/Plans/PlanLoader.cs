using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Wand.Host.TestRuns.Steps;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Wand.Host.TestRuns.Plans;

/// <summary>
/// Reads and validates a YAML test plan in full before anything runs. Every problem is reported with file, line and
/// column and what was expected (<see cref="PlanValidationException"/>).
/// </summary>
public static partial class PlanLoader
{
    /// <summary>The largest plan file accepted, in bytes (the end-of-line plan is about 10 KB).</summary>
    public const int MaximumFileBytes = 1 << 20;

    /// <summary>The deepest nesting of mappings and sequences accepted (a plan needs about 8).</summary>
    public const int MaximumDepth = 64;

    private static readonly string[] TopKeys = ["plan", "version", "description", "dut", "variants", "setup", "phases", "teardown"];
    private static readonly string[] PhaseKeys = ["name", "description", "requirements", "retries", "timeout-s", "steps"];
    private static readonly string[] MeasureKeys = ["name", "field", "units", "description", "requirement", "min", "max", "marginal-min", "marginal-max", "equals", "matches"];

    /// <summary>Reads a plan file, with the phases it includes and the limits of a product variant.</summary>
    /// <param name="path">The file.</param>
    /// <param name="registry">The step kinds allowed; <c>null</c> for the built-in ones.</param>
    /// <param name="variant">The product variant whose limits apply (a key of the plan's <c>variants</c>), or <c>null</c> for the plan's own.</param>
    /// <returns>The validated plan.</returns>
    /// <exception cref="PlanValidationException">The plan or a file it includes is malformed or cannot be read.</exception>
    /// <exception cref="PlanVariantException">The plan has no variant of that name.</exception>
    public static TestPlan Load(string path, StepRegistry? registry = null, string? variant = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(InputFile.ReadAllBytes(path, MaximumFileBytes)).TrimStart('\uFEFF');
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new PlanValidationException([new PlanError(new SourceLocation(path, 1, 1), "Cannot read the plan: " + error.Message)]);
        }

        return Parse(text, path, registry, variant);
    }

    /// <summary>Reads a plan from text.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">The file name for messages.</param>
    /// <param name="registry">The step kinds allowed; <c>null</c> for the built-in ones.</param>
    /// <param name="variant">The product variant whose limits apply, or <c>null</c> for the plan's own.</param>
    /// <returns>The validated plan.</returns>
    /// <exception cref="PlanValidationException">The plan or a file it includes is malformed.</exception>
    /// <exception cref="PlanVariantException">The plan has no variant of that name.</exception>
    public static TestPlan Parse(string text, string file, StepRegistry? registry = null, string? variant = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        registry ??= StepRegistry.CreateDefault();
        PlanErrorList errors = new();
        YamlStream stream = [];
        try
        {
            CheckDepth(text, file, errors);
            errors.ThrowIfAny();
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            errors.Add(new SourceLocation(file, (int)error.Start.Line, (int)error.Start.Column), "Not valid YAML: " + (error.InnerException?.Message ?? error.Message));
            errors.ThrowIfAny();
        }

        if (stream.Documents.Count != 1)
        {
            errors.Add(new SourceLocation(file, 1, 1), "A plan file holds exactly one YAML document (a mapping with plan, phases, …).");
            errors.ThrowIfAny();
        }

        PlanNode root = new(file, stream.Documents[0].RootNode, errors, string.Empty);
        PlanReading reading = new(registry, file, text, variant);
        TestPlan? plan = ReadPlan(root, reading);
        errors.ThrowIfAny();
        reading.ThrowIfUnknownVariant();
        return plan!;
    }

    /// <summary>
    /// Walks the YAML events (no recursion, no tree) and refuses nesting deeper than <see cref="MaximumDepth"/> before
    /// the tree is built, since building and reading a tree recurses once per level.
    /// </summary>
    private static void CheckDepth(string text, string file, PlanErrorList errors)
    {
        Parser parser = new(new StringReader(text));
        int depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart:
                    depth++;
                    if (depth > MaximumDepth)
                    {
                        Mark start = parser.Current.Start;
                        errors.Add(new SourceLocation(file, (int)start.Line, (int)start.Column), $"Nested deeper than {MaximumDepth} levels; a plan needs far fewer.");
                        return;
                    }

                    break;
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    depth--;
                    break;
            }
        }
    }

    private static TestPlan? ReadPlan(PlanNode root, PlanReading reading)
    {
        PlanMap? map = root.AsMap(TopKeys);
        if (map == null)
        {
            return null;
        }

        string? name = map.Text("plan", required: true);
        string? serial = ReadDut(map.Get("dut"));
        reading.ReadVariants(map.Get("variants"));
        PhasePlan setup = ReadStepsAsPhase("setup", map.Get("setup"), reading);
        List<PhasePlan> phases = [];
        PlanNode? phaseList = map.Get("phases", required: true);
        ReadPhaseList(phaseList, reading, phases);
        if (phaseList != null && phaseList.IsSequence && phaseList.AsSequence().Count == 0)
        {
            phaseList.Error("'phases' needs at least one phase.");
        }

        PhasePlan teardown = ReadStepsAsPhase("teardown", map.Get("teardown"), reading);
        reading.CheckVariantTargets();
        return name == null ? null : new TestPlan
        {
            Name = name,
            Version = map.Text("version") ?? string.Empty,
            Description = map.Text("description") ?? string.Empty,
            File = root.File,
            Sha256 = reading.Sha256(),
            DutSerial = serial,
            Setup = setup,
            Phases = phases,
            Teardown = teardown,
            Variants = reading.VariantNames,
            Variant = reading.SelectedVariant,
        };
    }

    /// <summary>Reads a list of phases, where an item <c>include: FILE</c> stands for the phases of another file.</summary>
    private static void ReadPhaseList(PlanNode? phaseList, PlanReading reading, List<PhasePlan> phases)
    {
        foreach (PlanNode phaseNode in phaseList?.AsSequence() ?? [])
        {
            if (phaseNode.Node is YamlMappingNode mapping && mapping.Children.Keys.Any(key => key is YamlScalarNode { Value: IncludeKey }))
            {
                Include(phaseNode, reading, phases);
                continue;
            }

            PhasePlan? phase = ReadPhase(phaseNode, reading);
            if (phase != null && !reading.PhaseNames.Add(phase.Name))
            {
                phaseNode.Error($"A phase named '{phase.Name}' already exists; phase names are unique (setup and teardown are reserved).");
            }
            else if (phase != null)
            {
                phases.Add(phase);
            }
        }
    }

    private static string? ReadDut(PlanNode? node)
    {
        if (node == null)
        {
            return null;
        }

        PlanMap? map = node.AsMap("serial");
        string? serial = map?.Text("serial");
        if (serial == null || serial == "device")
        {
            return null;
        }

        if (!SerialPattern().IsMatch(serial))
        {
            map!.Get("serial")!.Error($"'dut.serial' must be 'device' (read it from Device Information) or 1 to 16 characters of A-Z, 0-9 and '-'; found '{serial}'.");
        }

        return serial;
    }

    private static PhasePlan ReadStepsAsPhase(string name, PlanNode? node, PlanReading reading)
    {
        List<StepPlan> steps = [];
        if (node != null && !node.IsEmpty)
        {
            foreach (PlanNode stepNode in node.AsSequence())
            {
                if (ReadStep(stepNode, reading) is StepPlan step)
                {
                    steps.Add(step);
                }
            }
        }

        return new PhasePlan { Name = name, Steps = steps, Location = node?.Location ?? default, TimeoutSeconds = PhasePlan.DefaultTimeoutSeconds };
    }

    private static PhasePlan? ReadPhase(PlanNode node, PlanReading reading)
    {
        PlanMap? map = node.AsMap(PhaseKeys);
        if (map == null)
        {
            return null;
        }

        string? name = map.Text("name", required: true);
        if (name != null && !NamePattern().IsMatch(name))
        {
            map.Get("name")!.Error($"A phase name uses lower-case letters, digits and hyphens, starting with a letter; found '{name}'.");
        }

        List<string> requirements = [];
        if (map.Get("requirements") is PlanNode requirementList)
        {
            requirements.AddRange(requirementList.AsSequence().Select(item => item.AsText()).OfType<string>());
        }

        int retries = (int)(map.WholeNumber("retries", 0, 10) ?? 0);
        double timeout = map.Number("timeout-s", 0.001, 3600) ?? PhasePlan.DefaultTimeoutSeconds;
        List<StepPlan> steps = [];
        PlanNode? stepList = map.Get("steps", required: true);
        foreach (PlanNode stepNode in stepList?.AsSequence() ?? [])
        {
            if (ReadStep(stepNode, reading) is StepPlan step)
            {
                steps.Add(step);
            }
        }

        if (stepList != null && stepList.IsSequence && stepList.AsSequence().Count == 0)
        {
            stepList.Error($"Phase '{name}' needs at least one step.");
        }

        return name == null ? null : new PhasePlan
        {
            Name = name,
            Description = map.Text("description") ?? string.Empty,
            Requirements = requirements,
            Retries = retries,
            TimeoutSeconds = timeout,
            Steps = steps,
            Location = node.Location,
        };
    }

    private static StepPlan? ReadStep(PlanNode node, PlanReading reading)
    {
        StepRegistry registry = reading.Registry;
        if (node.IsScalar && node.AsText() is string bare && registry.TryGet(bare, out IStepKind bareKind))
        {
            // "- connect" is short for "- connect:" with no arguments.
            ITestStep? bareStep = bareKind.Parse(new PlanNode(node.File, new YamlScalarNode(string.Empty) { }, node.Errors, node.Path + "." + bare));
            return bareStep == null ? null : new StepPlan { Label = bareStep.Description, Kind = bare, Step = bareStep, Location = node.Location };
        }

        PlanMap? map = node.AsMap();
        if (map == null)
        {
            return null;
        }

        string[] kinds = map.Keys.Where(key => !PlanKeywords.Reserved.Contains(key)).ToArray();
        if (kinds.Length != 1)
        {
            node.Error($"A step needs exactly one step kind ({string.Join(", ", registry.Names)}) besides 'name' and 'measure'; found {(kinds.Length == 0 ? "none" : string.Join(", ", kinds))}.");
            return null;
        }

        if (!registry.TryGet(kinds[0], out IStepKind kind))
        {
            node.Errors.Add(map.LocationOf(kinds[0]), $"Unknown step kind '{kinds[0]}'; expected one of {string.Join(", ", registry.Names)}.");
            return null;
        }

        ITestStep? step = kind.Parse(map.Get(kinds[0])!);
        string label = map.Text(PlanKeywords.Name) ?? step?.Description ?? kinds[0];
        List<MeasurementSpec> measurements = [];
        if (map.Get(PlanKeywords.Measure) is PlanNode measureList)
        {
            foreach (PlanNode measureNode in measureList.AsSequence())
            {
                if (ReadMeasurement(measureNode, step, reading) is MeasurementSpec measurement)
                {
                    measurements.Add(measurement);
                }
            }
        }

        return step == null ? null : new StepPlan { Label = label, Kind = kind.Name, Step = step, Measurements = measurements, Location = node.Location };
    }

    private static MeasurementSpec? ReadMeasurement(PlanNode node, ITestStep? step, PlanReading reading)
    {
        HashSet<string> measurementNames = reading.MeasurementNames;
        PlanMap? map = node.AsMap(MeasureKeys);
        if (map == null)
        {
            return null;
        }

        string? name = map.Text("name", required: true);
        if (name != null && !NamePattern().IsMatch(name))
        {
            map.Get("name")!.Error($"A measurement name uses lower-case letters, digits and hyphens, starting with a letter; found '{name}'.");
        }
        else if (name != null && !measurementNames.Add(name))
        {
            map.Get("name")!.Error($"A measurement named '{name}' already exists; measurement names are unique in a plan.");
        }

        string? field = map.Text("field", required: true);
        if (field != null && step != null && !step.Fields.Contains(field))
        {
            map.Get("field")!.Error($"'{step.Description}' has no field '{field}'; its fields are {string.Join(", ", step.Fields)}.");
        }

        // A product variant may give the measurement other limits: then they all come from the variant's entry.
        PlanMap limits = (name == null ? null : reading.SelectedOverride(name)) ?? map;
        PlanNode limitsNode = ReferenceEquals(limits, map) ? node : limits.Node;
        double? minimum = limits.Number("min");
        double? maximum = limits.Number("max");
        double? marginalMinimum = limits.Number("marginal-min");
        double? marginalMaximum = limits.Number("marginal-max");
        string? expected = limits.Text("equals");
        Regex? pattern = ReadPattern(limits.Get("matches"));
        int kinds = (minimum != null || maximum != null ? 1 : 0) + (expected != null ? 1 : 0) + (limits.Has("matches") ? 1 : 0);
        if (kinds > 1)
        {
            limitsNode.Error($"Measurement '{name}' takes one kind of limit: min/max, equals or matches.");
        }
        else if (kinds == 0)
        {
            limitsNode.Error($"Measurement '{name}' needs a limit: min and/or max (with optional marginal-min/marginal-max), equals, or matches.");
        }

        if ((marginalMinimum != null || marginalMaximum != null) && minimum == null && maximum == null)
        {
            limitsNode.Error($"Measurement '{name}' has marginal limits but no min or max.");
        }

        CheckOrder(limits, minimum, marginalMinimum, marginalMaximum, maximum);
        return name == null || field == null ? null : new MeasurementSpec
        {
            Name = name,
            Field = field,
            Units = map.Text("units") ?? string.Empty,
            Description = map.Text("description") ?? string.Empty,
            Requirement = map.Text("requirement") ?? string.Empty,
            Minimum = minimum,
            Maximum = maximum,
            MarginalMinimum = marginalMinimum,
            MarginalMaximum = marginalMaximum,
            Expected = expected,
            Pattern = pattern,
            Location = node.Location,
        };
    }

    private static void CheckOrder(PlanMap map, double? minimum, double? marginalMinimum, double? marginalMaximum, double? maximum)
    {
        (string Key, double? Value)[] ordered = [("min", minimum), ("marginal-min", marginalMinimum), ("marginal-max", marginalMaximum), ("max", maximum)];
        (string Key, double Value)[] present = ordered.Where(item => item.Value != null).Select(item => (item.Key, item.Value!.Value)).ToArray();
        for (int index = 1; index < present.Length; index++)
        {
            if (present[index].Value < present[index - 1].Value)
            {
                map.Get(present[index].Key)!.Error($"'{present[index].Key}' must not be below '{present[index - 1].Key}'; limits go min ≤ marginal-min ≤ marginal-max ≤ max.");
            }
        }
    }

    private static Regex? ReadPattern(PlanNode? node)
    {
        string? text = node?.AsText();
        if (text == null)
        {
            return null;
        }

        try
        {
            return new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException error)
        {
            node!.Error($"'matches' is not a valid regular expression: {error.Message}");
            return null;
        }
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Parses one file's YAML into its single document's root, with errors in <paramref name="errors"/>; <c>null</c> when it is not a plan document.</summary>
    private static PlanNode? ReadDocument(string text, string file, PlanErrorList errors)
    {
        YamlStream stream = [];
        try
        {
            CheckDepth(text, file, errors);
            if (errors.Count > 0)
            {
                return null;
            }

            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            errors.Add(new SourceLocation(file, (int)error.Start.Line, (int)error.Start.Column), "Not valid YAML: " + (error.InnerException?.Message ?? error.Message));
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            errors.Add(new SourceLocation(file, 1, 1), "A plan file holds exactly one YAML document (a mapping with plan, phases, …).");
            return null;
        }

        return new PlanNode(file, stream.Documents[0].RootNode, errors, string.Empty);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Z0-9-]{1,16}$", RegexOptions.CultureInvariant)]
    private static partial Regex SerialPattern();
}
