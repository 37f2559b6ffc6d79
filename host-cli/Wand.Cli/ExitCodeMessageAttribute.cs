using System;
using System.Reflection;

namespace Wand.Cli;

/// <summary>
/// The actionable message printed with an <see cref="ExitCode"/>.
/// </summary>
/// <param name="message">What the user should do next.</param>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ExitCodeMessageAttribute(string message) : Attribute
{
    /// <summary>Gets what the user should do next.</summary>
    public string Message { get; } = message;
}

/// <summary>
/// Looks up the message of an <see cref="ExitCode"/>.
/// </summary>
public static class ExitCodeMessages
{
    /// <summary>Gets the actionable message for an exit code.</summary>
    /// <param name="code">The exit code.</param>
    /// <returns>The message declared on the enum member.</returns>
    public static string For(ExitCode code)
    {
        FieldInfo? field = typeof(ExitCode).GetField(code.ToString());
        return field?.GetCustomAttribute<ExitCodeMessageAttribute>()?.Message ?? "No message is defined for this exit code.";
    }
}
