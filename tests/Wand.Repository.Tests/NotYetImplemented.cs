using System;
using System.Collections.Generic;

namespace Wand.Repository.Tests;

/// <summary>
/// Requirements that are defined but not built yet, each with the reason, so that they may lack tests. Every other
/// requirement must have at least one test. An ID leaves this list in the change that adds its first test (the
/// traceability check fails while a listed requirement has tests).
/// </summary>
public static class NotYetImplemented
{
    /// <summary>Gets the reasons by requirement ID.</summary>
    public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };
}
