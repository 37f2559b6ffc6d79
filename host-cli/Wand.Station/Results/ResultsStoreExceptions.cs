using System;

namespace Wand.Host.Results;

/// <summary>The results store could not be opened, read or written; nothing was half-written.</summary>
public class ResultsStoreException : WandHostException
{
    /// <summary>Initializes a new instance of the <see cref="ResultsStoreException"/> class.</summary>
    /// <param name="message">What failed and where.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ResultsStoreException(string message, Exception? innerException = null)
        : base(message, innerException!)
    {
    }
}

/// <summary>The store's schema is newer than this software understands, or is damaged.</summary>
/// <param name="message">Which version was found and which is supported.</param>
public sealed class ResultsSchemaException(string message) : ResultsStoreException(message);

/// <summary>No run matches the ID given, or a prefix matches several.</summary>
/// <param name="message">The ID and what matched.</param>
public sealed class RunNotFoundException(string message) : ResultsStoreException(message);
