using System;

namespace Wand.DBus;

/// <summary>A D-Bus variant (type code <c>v</c>): a value together with its single complete type.</summary>
public sealed class Variant
{
    /// <summary>Initializes a new instance of the <see cref="Variant"/> class.</summary>
    /// <param name="signature">Exactly one complete type.</param>
    /// <param name="value">The value, in the .NET form <see cref="ValueMarshalling"/> accepts for that type.</param>
    public Variant(Signature signature, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (signature.CompleteTypes().Count != 1)
        {
            throw new ArgumentException($"A variant holds exactly one complete type, not '{signature}'.", nameof(signature));
        }

        Signature = signature;
        Value = value;
    }

    /// <summary>Gets the type of the value.</summary>
    public Signature Signature { get; }

    /// <summary>Gets the value.</summary>
    public object Value { get; }

    /// <summary>Creates a string variant (<c>s</c>).</summary>
    /// <param name="value">The text.</param>
    /// <returns>The variant.</returns>
    public static Variant FromString(string value) => new(new Signature("s"), value);

    /// <summary>Creates a boolean variant (<c>b</c>).</summary>
    /// <param name="value">The flag.</param>
    /// <returns>The variant.</returns>
    public static Variant FromBoolean(bool value) => new(new Signature("b"), value);

    /// <summary>Creates an unsigned 16-bit variant (<c>q</c>).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The variant.</returns>
    public static Variant FromUInt16(ushort value) => new(new Signature("q"), value);

    /// <summary>Creates a signed 16-bit variant (<c>n</c>).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The variant.</returns>
    public static Variant FromInt16(short value) => new(new Signature("n"), value);

    /// <summary>Creates a byte array variant (<c>ay</c>).</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>The variant.</returns>
    public static Variant FromBytes(byte[] value) => new(new Signature("ay"), value);

    /// <summary>Creates a string array variant (<c>as</c>).</summary>
    /// <param name="value">The strings.</param>
    /// <returns>The variant.</returns>
    public static Variant FromStrings(string[] value) => new(new Signature("as"), value);

    /// <inheritdoc/>
    public override string ToString() => $"<{Signature}> {Value}";
}
