using System.Collections.Generic;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Wand.Host.TestRuns.Plans;

/// <summary>A mapping node of a plan: typed access to its keys with errors at the right place.</summary>
public sealed class PlanMap
{
    private readonly PlanNode owner;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> entries = new(System.StringComparer.Ordinal);

    internal PlanMap(PlanNode owner, YamlMappingNode mapping)
    {
        this.owner = owner;
        foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
        {
            string key = (pair.Key as YamlScalarNode)?.Value ?? string.Empty;
            if (!entries.TryAdd(key, (pair.Key, pair.Value)))
            {
                owner.Errors.Add(new SourceLocation(owner.File, (int)pair.Key.Start.Line, (int)pair.Key.Start.Column), $"'{key}' appears twice in '{owner.Path}'.");
            }
        }
    }

    /// <summary>Gets the node of the mapping itself.</summary>
    public PlanNode Node => owner;

    /// <summary>Gets the keys present, in file order.</summary>
    public IEnumerable<string> Keys => entries.Keys;

    /// <summary>Tells whether a key is present.</summary>
    /// <param name="key">The key.</param>
    /// <returns><c>true</c> if present.</returns>
    public bool Has(string key) => entries.ContainsKey(key);

    /// <summary>Gets a key's value node.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Report an error at the mapping when missing.</param>
    /// <returns>The value, or <c>null</c> when missing.</returns>
    public PlanNode? Get(string key, bool required = false)
    {
        if (entries.TryGetValue(key, out (YamlNode Key, YamlNode Value) entry))
        {
            return owner.Child(entry.Value, key);
        }

        if (required)
        {
            owner.Error($"'{owner.Path}' needs '{key}'.");
        }

        return null;
    }

    /// <summary>Gets where a key is written, or the mapping's place when the key is missing.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The place.</returns>
    public SourceLocation LocationOf(string key)
    {
        return entries.TryGetValue(key, out (YamlNode Key, YamlNode Value) entry)
            ? new SourceLocation(owner.File, (int)entry.Key.Start.Line, (int)entry.Key.Start.Column)
            : owner.Location;
    }

    /// <summary>Reads a text value.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Whether it must be present.</param>
    /// <returns>The text, or <c>null</c>.</returns>
    public string? Text(string key, bool required = false) => Get(key, required)?.AsText();

    /// <summary>Reads a number in a range.</summary>
    /// <param name="key">The key.</param>
    /// <param name="minimum">Lowest allowed value.</param>
    /// <param name="maximum">Highest allowed value.</param>
    /// <param name="required">Whether it must be present.</param>
    /// <returns>The number, or <c>null</c>.</returns>
    public double? Number(string key, double minimum = double.MinValue, double maximum = double.MaxValue, bool required = false)
        => Get(key, required)?.AsNumber(minimum, maximum);

    /// <summary>Reads a whole number in a range.</summary>
    /// <param name="key">The key.</param>
    /// <param name="minimum">Lowest allowed value.</param>
    /// <param name="maximum">Highest allowed value.</param>
    /// <param name="required">Whether it must be present.</param>
    /// <returns>The number, or <c>null</c>.</returns>
    public long? WholeNumber(string key, long minimum = long.MinValue, long maximum = long.MaxValue, bool required = false)
        => Get(key, required)?.AsInteger(minimum, maximum);

    /// <summary>Reads true or false.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Whether it must be present.</param>
    /// <returns>The value, or <c>null</c>.</returns>
    public bool? Boolean(string key, bool required = false) => Get(key, required)?.AsBoolean();

    /// <summary>Reads one of a set of names.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="choices">Allowed names and their values.</param>
    /// <param name="required">Whether it must be present.</param>
    /// <returns>The value, or <c>null</c>.</returns>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices, bool required = false)
        where T : struct
        => Get(key, required)?.AsChoice(choices);

    internal void CheckKeys(string[] allowedKeys)
    {
        if (allowedKeys.Length == 0)
        {
            return;
        }

        foreach (string key in entries.Keys.Where(key => !allowedKeys.Contains(key)))
        {
            owner.Errors.Add(LocationOf(key), $"Unknown key '{key}' in '{owner.Path}'; expected one of {string.Join(", ", allowedKeys)}.");
        }
    }
}
