using System;
using System.IO;

namespace Wand.Host;

/// <summary>An input file is not a regular file or is too large; nothing was read from it.</summary>
public sealed class InputFileException : IOException
{
    /// <summary>Initializes a new instance of the <see cref="InputFileException"/> class.</summary>
    /// <param name="path">The file.</param>
    /// <param name="problem">What is wrong, completing "PATH …".</param>
    public InputFileException(string path, string problem)
        : base($"{path} {problem}")
    {
        Path = path;
    }

    /// <summary>Initializes a new instance of the <see cref="InputFileException"/> class.</summary>
    public InputFileException()
    {
        Path = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="InputFileException"/> class.</summary>
    /// <param name="message">The message.</param>
    public InputFileException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="InputFileException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InputFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    /// <summary>Gets the file.</summary>
    public string Path { get; }
}
