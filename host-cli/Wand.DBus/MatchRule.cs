using System;
using System.Text;

namespace Wand.DBus;

/// <summary>
/// A signal match rule: the text sent with <c>AddMatch</c> and the same test applied locally to route signals.
/// Source: D-Bus specification, "Match Rules".
/// </summary>
public sealed class MatchRule
{
    /// <summary>Gets or sets the sender bus name to match (sent to the bus only; see remarks on <see cref="Matches"/>).</summary>
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

    /// <summary>Builds the rule text for <c>org.freedesktop.DBus.AddMatch</c>.</summary>
    /// <returns>For example <c>type='signal',interface='…',path_namespace='/org/bluez'</c>.</returns>
    public override string ToString()
    {
        if (Path is not null && PathNamespace is not null)
        {
            throw new InvalidOperationException("A match rule cannot use both path and path_namespace.");
        }

        StringBuilder text = new("type='signal'");
        Append(text, "sender", Sender);
        Append(text, "interface", Interface);
        Append(text, "member", Member);
        Append(text, "path", Path?.Value);
        Append(text, "path_namespace", PathNamespace?.Value);
        Append(text, "arg0path", Argument0Path);
        return text.ToString();
    }

    /// <summary>Tests a signal locally. The sender is not compared: the bus delivers signals with the unique name,
    /// not the well-known name the rule names.</summary>
    /// <param name="message">A received message.</param>
    /// <returns><c>true</c> when the signal matches.</returns>
    public bool Matches(DBusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Type != MessageType.Signal)
        {
            return false;
        }

        if ((Interface is not null && Interface != message.Interface) || (Member is not null && Member != message.Member))
        {
            return false;
        }

        if (Path is ObjectPath path && message.Path != path)
        {
            return false;
        }

        if (PathNamespace is ObjectPath root && (message.Path is not ObjectPath actual || !actual.IsInNamespace(root)))
        {
            return false;
        }

        if (Argument0Path is not null)
        {
            string? argument = message.Body.Count > 0 ? message.Body[0] switch
            {
                ObjectPath objectPath => objectPath.Value,
                string text => text,
                _ => null,
            } : null;
            if (argument is null || !PathArgumentMatches(Argument0Path, argument))
            {
                return false;
            }
        }

        return true;
    }

    private static bool PathArgumentMatches(string rule, string argument) =>
        rule == argument
        || (rule.EndsWith('/') && argument.StartsWith(rule, StringComparison.Ordinal))
        || (argument.EndsWith('/') && rule.StartsWith(argument, StringComparison.Ordinal));

    private static void Append(StringBuilder text, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        text.Append(',').Append(key).Append("='").Append(value.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'');
    }
}
