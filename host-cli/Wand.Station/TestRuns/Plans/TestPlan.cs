using System;
using System.Collections.Generic;
using System.Linq;
using Wand.Host.TestRuns.Steps;

namespace Wand.Host.TestRuns.Plans;

/// <summary>A validated test plan: identification, setup, phases and teardown.</summary>
public sealed class TestPlan
{
    /// <summary>Gets the plan name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the plan version.</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary>Gets the description.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets the plan file path as given.</summary>
    public required string File { get; init; }

    /// <summary>Gets the SHA-256 of the plan text, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Gets the serial number given in the plan, or <c>null</c> to read it from Device Information.</summary>
    public string? DutSerial { get; init; }

    /// <summary>Gets the setup phase (runs first; when it fails the plan's phases are skipped).</summary>
    public required PhasePlan Setup { get; init; }

    /// <summary>Gets the plan's phases in order.</summary>
    public required IReadOnlyList<PhasePlan> Phases { get; init; }

    /// <summary>Gets the teardown phase (always runs, also after a failure, an error or Ctrl-C).</summary>
    public required PhasePlan Teardown { get; init; }

    /// <summary>Gets the product variants the plan defines (<c>variants</c>), in file order.</summary>
    public IReadOnlyList<string> Variants { get; init; } = Array.Empty<string>();

    /// <summary>Gets the variant whose limits the plan was read with, or <c>null</c> for the plan's own limits.</summary>
    public string? Variant { get; init; }

    /// <summary>Gets setup, the phases and teardown in run order.</summary>
    public IEnumerable<PhasePlan> AllPhases => Phases.Prepend(Setup).Append(Teardown);

    /// <summary>Gets the first step that needs a virtual wand, if any.</summary>
    public StepPlan? FirstVirtualOnlyStep => AllPhases.SelectMany(phase => phase.Steps).FirstOrDefault(step => step.Step.RequiresVirtualWand);

    /// <summary>Gets the first step that uses the station fixture's actions (HC-4), or <c>null</c>.</summary>
    public StepPlan? FirstFixtureStep => AllPhases.SelectMany(phase => phase.Steps).FirstOrDefault(step => step.Kind == "fixture");

    /// <summary>Gets every measurement in run order.</summary>
    public IEnumerable<MeasurementSpec> Measurements => AllPhases.SelectMany(phase => phase.Steps).SelectMany(step => step.Measurements);
}

/// <summary>A phase: a named group of steps with retries and a time limit.</summary>
public sealed class PhasePlan
{
    /// <summary>Gets the phase name, unique in the plan.</summary>
    public required string Name { get; init; }

    /// <summary>Gets what the phase checks.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets the requirement IDs covered, for example <c>SR-7</c>.</summary>
    public IReadOnlyList<string> Requirements { get; init; } = Array.Empty<string>();

    /// <summary>Gets how often a failed or erroring phase is run again, 0 to 10.</summary>
    public int Retries { get; init; }

    /// <summary>Gets the phase's time limit on the station clock, in seconds.</summary>
    public double TimeoutSeconds { get; init; } = DefaultTimeoutSeconds;

    /// <summary>Gets the steps in order.</summary>
    public required IReadOnlyList<StepPlan> Steps { get; init; }

    /// <summary>Gets where the phase is declared.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>The default time limit of a phase, in seconds.</summary>
    public const double DefaultTimeoutSeconds = 60;
}

/// <summary>A step in a phase with its measurements.</summary>
public sealed class StepPlan
{
    /// <summary>Gets the step's label: its <c>name</c>, or its description.</summary>
    public required string Label { get; init; }

    /// <summary>Gets the step kind's name.</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the parsed step.</summary>
    public required ITestStep Step { get; init; }

    /// <summary>Gets the measurements taken from the step's fields.</summary>
    public IReadOnlyList<MeasurementSpec> Measurements { get; init; } = Array.Empty<MeasurementSpec>();

    /// <summary>Gets where the step is declared.</summary>
    public SourceLocation Location { get; init; }
}
