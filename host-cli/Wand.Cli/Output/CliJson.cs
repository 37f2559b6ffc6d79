using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Wand.Cli.Output;

/// <summary>
/// The one JSON style of <c>--json</c> output: camelCase names, enumerations as their camelCase names, one document per
/// line. Documents are built as <see cref="JsonObject"/> trees and records go through compile-time metadata, so the
/// output needs no reflection and the Native AOT <c>wand</c> writes the same text as the framework-dependent one.
/// </summary>
internal static class CliJson
{
    /// <summary>The writer options: the web defaults (compact, escaped as the serializer escapes).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Writes one JSON document on one line.</summary>
    /// <param name="output">The writer.</param>
    /// <param name="value">The document.</param>
    public static void Write(TextWriter output, JsonNode value)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(value);
        output.WriteLine(value.ToJsonString(Options));
    }

    /// <summary>
    /// An enumeration value as the serializer's camelCase string converter writes it: each flag name in camelCase,
    /// joined by ", "; a value with no name stays a number.
    /// </summary>
    /// <typeparam name="TEnum">The enumeration.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>A string node, or a number node for an unnamed value.</returns>
    public static JsonNode Name<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        string text = value.ToString();
        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] == '-'))
        {
            return JsonValue.Create(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        string[] parts = text.Split(", ");
        for (int index = 0; index < parts.Length; index++)
        {
            parts[index] = JsonNamingPolicy.CamelCase.ConvertName(parts[index]);
        }

        return JsonValue.Create(string.Join(", ", parts));
    }

    /// <summary>An optional enumeration value as <see cref="Name{TEnum}(TEnum)"/> writes it, or JSON null.</summary>
    /// <typeparam name="TEnum">The enumeration.</typeparam>
    /// <param name="value">The value, or <c>null</c>.</param>
    /// <returns>The node, or <c>null</c>.</returns>
    public static JsonNode? Name<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is TEnum known ? Name(known) : null;

    /// <summary>A JSON array of the items, each turned into a node by <paramref name="select"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <param name="select">Makes one item's node.</param>
    /// <returns>The array.</returns>
    public static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> select)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(select);
        JsonArray array = [];
        foreach (T item in items)
        {
            array.Add(select(item));
        }

        return array;
    }

    /// <summary>A JSON array of strings.</summary>
    /// <param name="items">The strings.</param>
    /// <returns>The array.</returns>
    public static JsonArray Texts(IEnumerable<string> items) => Array(items, item => JsonValue.Create(item));

    /// <summary>A record as a node, through its compile-time metadata.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="value">The record, or <c>null</c>.</param>
    /// <param name="type">The metadata, which also fixes the record's own JSON style.</param>
    /// <returns>The node, or <c>null</c>.</returns>
    public static JsonNode? Node<T>(T? value, JsonTypeInfo<T> type) => value is null ? null : JsonSerializer.SerializeToNode(value, type);
}
