using System;
using System.Collections.Generic;

namespace Wand.DBus;

/// <summary>A D-Bus type signature (type code <c>g</c>), for example <c>a{sv}</c>.</summary>
public readonly record struct Signature
{
    /// <summary>The largest signature length the specification allows, in characters.</summary>
    public const int MaximumLength = 255;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> SplitCache = new(StringComparer.Ordinal);

    private readonly string? text;

    /// <summary>Initializes a new instance of the <see cref="Signature"/> struct.</summary>
    /// <param name="value">Zero or more complete types.</param>
    /// <exception cref="ArgumentException">The signature is not valid.</exception>
    public Signature(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaximumLength)
        {
            throw new ArgumentException($"The signature is {value.Length} characters long; at most {MaximumLength} are allowed.", nameof(value));
        }

        int index = 0;
        while (index < value.Length)
        {
            index += CompleteTypeLength(value, index, 0);
        }

        text = value;
    }

    /// <summary>Gets the signature text (empty for no values).</summary>
    public string Value => text ?? string.Empty;

    /// <summary>Splits the signature into its complete types.</summary>
    /// <returns>One string per complete type.</returns>
    public IReadOnlyList<string> CompleteTypes() => Split(Value);

    /// <summary>Splits signature text into complete types, memoised: messages repeat the same few signatures.</summary>
    /// <param name="text">Valid signature text.</param>
    /// <returns>The complete types.</returns>
    internal static IReadOnlyList<string> Split(string text) =>
        SplitCache.TryGetValue(text, out string[]? cached) ? cached : SplitCache.GetOrAdd(text, SplitUncached);

    private static string[] SplitUncached(string text)
    {
        List<string> types = [];
        int index = 0;
        while (index < text.Length)
        {
            int length = CompleteTypeLength(text, index, 0);
            types.Add(text.Substring(index, length));
            index += length;
        }

        return [.. types];
    }

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Gets the alignment of a type, in bytes (1, 2, 4 or 8).</summary>
    /// <param name="typeCode">The first character of a complete type.</param>
    /// <returns>The alignment.</returns>
    internal static int AlignmentOf(char typeCode) => typeCode switch
    {
        'y' or 'g' or 'v' => 1,
        'n' or 'q' => 2,
        'b' or 'i' or 'u' or 's' or 'o' or 'a' or 'h' => 4,
        'x' or 't' or 'd' or '(' or '{' => 8,
        _ => throw new ArgumentException($"'{typeCode}' is not a D-Bus type code.", nameof(typeCode)),
    };

    /// <summary>Measures the complete type that starts at <paramref name="index"/>.</summary>
    /// <param name="signature">The signature text.</param>
    /// <param name="index">Where the type starts.</param>
    /// <param name="depth">Current container nesting.</param>
    /// <returns>The type's length in characters.</returns>
    internal static int CompleteTypeLength(string signature, int index, int depth)
    {
        if (depth > 64)
        {
            throw new ArgumentException($"Signature '{signature}' nests containers deeper than 64.", nameof(signature));
        }

        if (index >= signature.Length)
        {
            throw new ArgumentException($"Signature '{signature}' ends inside a container.", nameof(signature));
        }

        char code = signature[index];
        switch (code)
        {
            case 'y' or 'b' or 'n' or 'q' or 'i' or 'u' or 'x' or 't' or 'd' or 's' or 'o' or 'g' or 'v' or 'h':
                return 1;
            case 'a':
                return 1 + CompleteTypeLength(signature, index + 1, depth + 1);
            case '(':
            {
                int position = index + 1;
                if (position < signature.Length && signature[position] == ')')
                {
                    throw new ArgumentException($"Signature '{signature}' has an empty struct at {index}.", nameof(signature));
                }

                while (position < signature.Length && signature[position] != ')')
                {
                    position += CompleteTypeLength(signature, position, depth + 1);
                }

                if (position >= signature.Length)
                {
                    throw new ArgumentException($"Signature '{signature}' has an unclosed struct at {index}.", nameof(signature));
                }

                return position + 1 - index;
            }

            case '{':
            {
                if (index == 0 || signature[index - 1] != 'a')
                {
                    throw new ArgumentException($"Signature '{signature}' has a dict entry outside an array at {index}.", nameof(signature));
                }

                int position = index + 1;
                if (position >= signature.Length || !IsBasic(signature[position]))
                {
                    throw new ArgumentException($"Signature '{signature}' has a dict entry without a basic key at {index}.", nameof(signature));
                }

                position += 1;
                position += CompleteTypeLength(signature, position, depth + 1);
                if (position >= signature.Length || signature[position] != '}')
                {
                    throw new ArgumentException($"Signature '{signature}' has a dict entry that is not exactly a key and a value at {index}.", nameof(signature));
                }

                return position + 1 - index;
            }

            default:
                throw new ArgumentException($"Signature '{signature}' has an unknown type code '{code}' at {index}.", nameof(signature));
        }
    }

    private static bool IsBasic(char code) => "ybnqiuxtdsogh".Contains(code, StringComparison.Ordinal);
}
