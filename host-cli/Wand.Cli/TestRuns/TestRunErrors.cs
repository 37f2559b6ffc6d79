using System;
using System.IO;
using Wand.Host;
using Wand.Host.Results;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Steps;

namespace Wand.Cli.TestRuns;

/// <summary>Maps the failures of test-run and results commands to exit codes and writes the message.</summary>
internal static class TestRunErrors
{
    /// <summary>Chooses the exit code of a failure.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns>The exit code.</returns>
    public static ExitCode CodeOf(Exception exception) => exception switch
    {
        PlanValidationException => ExitCode.InvalidPlan,
        PlanVariantException => ExitCode.ValueOutOfRange,
        VirtualWandRequiredException => ExitCode.PlanNeedsVirtualWand,
        ResultsSchemaException => ExitCode.ResultsSchemaTooNew,
        RunNotFoundException => ExitCode.RunNotFound,
        ResultsStoreException => ExitCode.ResultsStoreUnavailable,
        OperationCanceledException => ExitCode.TestAborted,
        ArgumentException => ExitCode.ValueOutOfRange,
        IOException or UnauthorizedAccessException => ExitCode.ReportWriteFailed,
        _ => ExitCodeMapping.For(exception) switch
        {
            // The shared mapping's catch-all for host errors names 'wand sim serve'; here it is a station error.
            ExitCode.ServeFailed => ExitCode.TestError,
            ExitCode code => code,
        },
    };

    /// <summary>Writes a failure in the one error shape and gives its code.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="json">Whether --json was given.</param>
    /// <param name="exception">The failure.</param>
    /// <param name="code">The exit code, or <c>null</c> to choose it from the exception.</param>
    /// <returns>The exit code as an integer.</returns>
    public static int Report(TextWriter output, TextWriter error, bool json, Exception exception, ExitCode? code = null)
    {
        ExitCode chosen = code ?? CodeOf(exception);
        string message = exception is OperationCanceledException ? "Cancelled." : exception.Message;
        if (chosen == ExitCode.InternalError)
        {
            message = exception.ToString();
        }

        return ExitCodeMapping.Report(output, error, json, chosen, message);
    }
}
