using System;
using System.Collections.Generic;
using System.Linq;

namespace Wand.Host.TestRuns.Steps;

/// <summary>
/// The step kinds a plan may use, by YAML key. <see cref="CreateDefault"/> has the built-in kinds; other station
/// jobs add theirs with <see cref="Add"/> before loading a plan.
/// </summary>
public sealed class StepRegistry
{
    private readonly SortedDictionary<string, IStepKind> kinds = new(StringComparer.Ordinal);

    /// <summary>Gets the registered kinds in name order.</summary>
    public IEnumerable<IStepKind> Kinds => kinds.Values;

    /// <summary>Gets the registered names in order.</summary>
    public IEnumerable<string> Names => kinds.Keys;

    /// <summary>Creates a registry with every built-in step kind.</summary>
    /// <returns>The registry.</returns>
    public static StepRegistry CreateDefault()
    {
        StepRegistry registry = new();
        foreach (IStepKind kind in BuiltInSteps.All())
        {
            registry.Add(kind);
        }

        return registry;
    }

    /// <summary>Adds a step kind.</summary>
    /// <param name="kind">The kind; its name must be new to the registry.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentException">The name is taken or empty.</exception>
    public StepRegistry Add(IStepKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind.Name);
        if (PlanKeywords.Reserved.Contains(kind.Name))
        {
            throw new ArgumentException($"'{kind.Name}' is a reserved plan key and cannot name a step kind.", nameof(kind));
        }

        if (!kinds.TryAdd(kind.Name, kind))
        {
            throw new ArgumentException($"A step kind named '{kind.Name}' is already registered.", nameof(kind));
        }

        return this;
    }

    /// <summary>Looks up a step kind.</summary>
    /// <param name="name">The YAML key.</param>
    /// <param name="kind">The kind, when found.</param>
    /// <returns><c>true</c> if found.</returns>
    public bool TryGet(string name, out IStepKind kind)
    {
        bool found = kinds.TryGetValue(name, out IStepKind? value);
        kind = value!;
        return found;
    }
}

/// <summary>Keys every step may carry besides its kind.</summary>
public static class PlanKeywords
{
    /// <summary>The step's own label (optional).</summary>
    public const string Name = "name";

    /// <summary>The measurements judged on the step's fields.</summary>
    public const string Measure = "measure";

    /// <summary>Keys that cannot name a step kind.</summary>
    public static readonly IReadOnlyList<string> Reserved = [Name, Measure];
}
