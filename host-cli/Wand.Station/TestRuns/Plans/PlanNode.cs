using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Wand.Host.TestRuns.Plans;

/// <summary>
/// A node of a plan file with its place, for reading values and reporting errors with file, line and column. Every
/// reader method reports a missing or malformed value to the plan's error list and returns <c>null</c>, so a whole
/// plan is checked in one pass.
/// </summary>
public sealed class PlanNode
{
    internal PlanNode(string file, YamlNode node, PlanErrorList errors, string path)
    {
        File = file;
        Node = node;
        Errors = errors;
        Path = path;
    }

    /// <summary>Gets the plan file path.</summary>
    public string File { get; }

    /// <summary>Gets the plan's error list.</summary>
    public PlanErrorList Errors { get; }

    /// <summary>Gets the path of keys leading to this node, for messages, for example <c>phases[2].steps[0].command</c>.</summary>
    public string Path { get; }

    /// <summary>Gets where this node starts.</summary>
    public SourceLocation Location => new(File, (int)Node.Start.Line, (int)Node.Start.Column);

    /// <summary>Gets a value indicating whether the node is a scalar (text, number, true/false).</summary>
    public bool IsScalar => Node is YamlScalarNode;

    /// <summary>Gets a value indicating whether the node is a mapping of keys to values.</summary>
    public bool IsMapping => Node is YamlMappingNode;

    /// <summary>Gets a value indicating whether the node is a sequence.</summary>
    public bool IsSequence => Node is YamlSequenceNode;

    /// <summary>Gets a value indicating whether the node is an empty scalar (<c>key:</c> with nothing after it).</summary>
    public bool IsEmpty => Node is YamlScalarNode scalar && string.IsNullOrEmpty(scalar.Value);

    internal YamlNode Node { get; }

    /// <summary>Reports an error at this node.</summary>
    /// <param name="message">What is wrong and what was expected.</param>
    public void Error(string message) => Errors.Add(Location, message);

    /// <summary>Reads the node as text.</summary>
    /// <returns>The text, or <c>null</c> (error reported) when the node is not a scalar.</returns>
    public string? AsText()
    {
        if (Node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        Error($"'{Path}' must be a single value (text or number), not a {KindName()}.");
        return null;
    }

    /// <summary>Reads the node as a number in a range (inclusive).</summary>
    /// <param name="minimum">Lowest allowed value.</param>
    /// <param name="maximum">Highest allowed value.</param>
    /// <returns>The number, or <c>null</c> (error reported).</returns>
    public double? AsNumber(double minimum = double.MinValue, double maximum = double.MaxValue)
    {
        string? text = AsText();
        if (text == null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            Error($"'{Path}' must be a number, found '{text}'.");
            return null;
        }

        if (value < minimum || value > maximum)
        {
            Error(string.Create(CultureInfo.InvariantCulture, $"'{Path}' must be {minimum} to {maximum}, found {value}."));
            return null;
        }

        return value;
    }

    /// <summary>Reads the node as a whole number in a range (inclusive).</summary>
    /// <param name="minimum">Lowest allowed value.</param>
    /// <param name="maximum">Highest allowed value.</param>
    /// <returns>The number, or <c>null</c> (error reported).</returns>
    public long? AsInteger(long minimum = long.MinValue, long maximum = long.MaxValue)
    {
        string? text = AsText();
        if (text == null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            Error($"'{Path}' must be a whole number, found '{text}'.");
            return null;
        }

        if (value < minimum || value > maximum)
        {
            Error(string.Create(CultureInfo.InvariantCulture, $"'{Path}' must be {minimum} to {maximum}, found {value}."));
            return null;
        }

        return value;
    }

    /// <summary>Reads the node as true or false.</summary>
    /// <returns>The value, or <c>null</c> (error reported).</returns>
    public bool? AsBoolean()
    {
        string? text = AsText();
        switch (text)
        {
            case null:
                return null;
            case "true":
            case "yes":
            case "on":
                return true;
            case "false":
            case "no":
            case "off":
                return false;
            default:
                Error($"'{Path}' must be true or false, found '{text}'.");
                return null;
        }
    }

    /// <summary>Reads the node as one of a set of names.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="choices">Allowed names and their values.</param>
    /// <returns>The value, or <c>null</c> (error reported, listing the names).</returns>
    public T? AsChoice<T>(IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(choices);
        string? text = AsText();
        if (text == null)
        {
            return null;
        }

        if (choices.TryGetValue(text, out T value))
        {
            return value;
        }

        Error($"'{Path}' must be one of {string.Join(", ", choices.Keys)}; found '{text}'.");
        return null;
    }

    /// <summary>Reads the node as a mapping whose keys must all be among those allowed.</summary>
    /// <param name="allowedKeys">Keys that may appear.</param>
    /// <returns>The mapping, or <c>null</c> (error reported).</returns>
    public PlanMap? AsMap(params string[] allowedKeys)
    {
        if (Node is not YamlMappingNode mapping)
        {
            Error($"'{Path}' must be a mapping of {string.Join(", ", allowedKeys)}, not a {KindName()}.");
            return null;
        }

        PlanMap map = new(this, mapping);
        map.CheckKeys(allowedKeys);
        return map;
    }

    /// <summary>Reads the node as a sequence.</summary>
    /// <returns>The items, or an empty list (error reported) when the node is not a sequence.</returns>
    public IReadOnlyList<PlanNode> AsSequence()
    {
        if (Node is not YamlSequenceNode sequence)
        {
            Error($"'{Path}' must be a list (items starting with '- '), not a {KindName()}.");
            return Array.Empty<PlanNode>();
        }

        return sequence.Children.Select((child, index) => new PlanNode(File, child, Errors, string.Create(CultureInfo.InvariantCulture, $"{Path}[{index}]"))).ToList();
    }

    internal PlanNode Child(YamlNode node, string key) => new(File, node, Errors, Path.Length == 0 ? key : Path + "." + key);

    private string KindName() => Node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "single value",
    };
}
