using System;

namespace Wand.Host;

/// <summary>
/// Base of every typed error the host library raises. The CLI maps each to one exit code; the message says what went
/// wrong and where, in words a user can act on.
/// </summary>
public class WandHostException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="WandHostException"/> class.</summary>
    public WandHostException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WandHostException"/> class.</summary>
    /// <param name="message">What went wrong and where.</param>
    public WandHostException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WandHostException"/> class.</summary>
    /// <param name="message">What went wrong and where.</param>
    /// <param name="innerException">The underlying cause.</param>
    public WandHostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
