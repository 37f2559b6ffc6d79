using System;
using System.IO;

namespace Wand.Cli.Output;

/// <summary>What counts as a failure of writing to standard output or standard error, and a guard for such writes.</summary>
internal static class OutputFailures
{
    /// <summary>Tells whether an exception means the output cannot be written (full disk, closed pipe or descriptor).</summary>
    /// <param name="exception">The exception.</param>
    /// <returns><c>true</c> for a failed write.</returns>
    public static bool IsOutputFailure(Exception exception) =>
        exception is IOException or ObjectDisposedException or UnauthorizedAccessException or NotSupportedException;

    /// <summary>Runs a write; a failed write is dropped (the exit code already tells what happened).</summary>
    /// <param name="write">The write.</param>
    public static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception exception) when (IsOutputFailure(exception))
        {
        }
    }
}
