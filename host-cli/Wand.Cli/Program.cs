using System;
using System.CommandLine;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;

namespace Wand.Cli;

/// <summary>
/// Entry point: composes the root command from one factory per command file.
/// </summary>
public static class Program
{
    /// <summary>Runs the CLI.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>An <see cref="ExitCode"/> as an integer.</returns>
    public static async Task<int> Main(string[] args)
    {
        GuardedWriter output = new(Console.Out);
        GuardedWriter error = new(Console.Error);

        // Ctrl-C, SIGTERM and SIGHUP (the terminal closed) cancel the running command's token: teardown runs, a session
        // started here is stopped, the report is written and the run stored, and the command's own exit code stands.
        // A command that has not finished 30 s ($WAND_STOP_GRACE_SECONDS) after the signal is ended with the shell's code
        // for that signal.
        if (TerminationSignals.Configure(Environment.GetEnvironmentVariable(TerminationSignals.GraceVariable)) is string badGrace)
        {
            return ExitCodeMapping.Report(output, error, args.Contains(CommonOptions.Json.Name, StringComparer.Ordinal), ExitCode.ValueOutOfRange, badGrace);
        }

        using CancellationTokenSource stopping = new();
        using PosixSignalRegistration? interrupt = TerminationSignals.Register(PosixSignal.SIGINT, stopping);
        using PosixSignalRegistration? terminate = TerminationSignals.Register(PosixSignal.SIGTERM, stopping);
        using PosixSignalRegistration? hangUp = TerminationSignals.Register(PosixSignal.SIGHUP, stopping);
        InvocationConfiguration configuration = new() { Output = output, Error = error, ProcessTerminationTimeout = null };
        int code = await RunAsync(args, configuration, stopping.Token).ConfigureAwait(false);
        if (code == (int)ExitCode.Success && (output.Failed || error.Failed))
        {
            code = (int)ExitCode.OutputUnwritable;
        }

        OutputFailures.Guard(output.Flush);
        OutputFailures.Guard(error.Flush);
        return code;
    }

    /// <summary>
    /// Parses and runs a command line. With --json a command line that does not parse is reported in the one error shape
    /// on standard error (exit code <see cref="ExitCode.UsageError"/>) instead of help text.
    /// </summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="configuration">Where to write, and the termination timeout.</param>
    /// <param name="cancellationToken">Cancels the running command as Ctrl-C does.</param>
    /// <returns>An <see cref="ExitCode"/> as an integer.</returns>
    public static Task<int> RunAsync(string[] args, InvocationConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ParseResult parsed = BuildRootCommand().Parse(args);
        if (parsed.Errors.Count > 0 && args.Contains(CommonOptions.Json.Name, StringComparer.Ordinal))
        {
            string message = string.Join(" ", parsed.Errors.Select(problem => problem.Message));
            return Task.FromResult(ExitCodeMapping.Report(configuration.Output, configuration.Error, json: true, ExitCode.UsageError, message));
        }

        return InvokeAsync(parsed, configuration, cancellationToken);
    }

    /// <summary>
    /// Runs a parsed command. An exception no command caught is reported in the one error shape with its exit code
    /// (<see cref="ExitCode.InternalError"/> when nothing more specific fits) instead of System.CommandLine's default
    /// handler, whose exit code 1 would read as a usage error.
    /// </summary>
    /// <param name="parsed">The parsed command line.</param>
    /// <param name="configuration">Where to write; its default exception handler is switched off.</param>
    /// <param name="cancellationToken">Cancels the running command.</param>
    /// <returns>An <see cref="ExitCode"/> as an integer.</returns>
    internal static async Task<int> InvokeAsync(ParseResult parsed, InvocationConfiguration configuration, CancellationToken cancellationToken)
    {
        configuration.EnableDefaultExceptionHandler = false;
        try
        {
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            return ExitCodeMapping.Report(configuration.Output, configuration.Error, parsed.GetValue(CommonOptions.Json), exception);
        }
    }

    /// <summary>Builds the root command with every subcommand.</summary>
    /// <returns>The root command.</returns>
    public static RootCommand BuildRootCommand()
    {
        RootCommand root = new("wand: flash, calibrate and test baby-massage wands, or drive a virtual one.")
        {
            CommonOptions.Device,
            CommonOptions.Json,
        };

        foreach (Command command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
