using System;

namespace Wand.DBus;

/// <summary>
/// A signal match rule (D-Bus specification, "Match Rules"). Tmds.DBus.Protocol sends it with <c>AddMatch</c> and
/// applies it to each received signal, including the sender: a well-known <see cref="Sender"/> matches only signals
/// whose sender is that name's current owner.
/// </summary>
public sealed class MatchRule
{
    /// <summary>Gets or sets the sender bus name to match, for example <c>org.bluez</c>.</summary>
    public string? Sender { get; init; }

    /// <summary>Gets or sets the interface to match.</summary>
    public string? Interface { get; init; }

    /// <summary>Gets or sets the member to match.</summary>
    public string? Member { get; init; }

    /// <summary>Gets or sets the exact object path to match.</summary>
    public ObjectPath? Path { get; init; }

    /// <summary>Gets or sets the object path namespace to match (the path itself or anything below).</summary>
    public ObjectPath? PathNamespace { get; init; }

    /// <summary>Gets or sets the namespace the first argument (an object path) must lie in; ends with <c>/</c>.</summary>
    public string? Argument0Path { get; init; }

    /// <inheritdoc/>
    public override string ToString() => ToProtocolRule().ToString();

    /// <summary>Builds Tmds.DBus.Protocol's rule for signals.</summary>
    /// <returns>The rule.</returns>
    /// <exception cref="InvalidOperationException">Both path and path namespace are set.</exception>
    internal Tmds.DBus.Protocol.MatchRule ToProtocolRule()
    {
        if (Path is not null && PathNamespace is not null)
        {
            throw new InvalidOperationException("A match rule cannot use both path and path_namespace.");
        }

        return new Tmds.DBus.Protocol.MatchRule
        {
            Type = Tmds.DBus.Protocol.MessageType.Signal,
            Sender = Sender,
            Interface = Interface,
            Member = Member,
            Path = Path?.Value,
            PathNamespace = PathNamespace?.Value,
            Arg0Path = Argument0Path,
        };
    }
}
