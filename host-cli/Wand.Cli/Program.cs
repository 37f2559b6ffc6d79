using System.CommandLine;
using System.Threading.Tasks;

namespace Wand.Cli;

/// <summary>
/// Entry point: composes the root command from one factory per command file.
/// </summary>
public static class Program
{
    /// <summary>Runs the CLI.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>An <see cref="ExitCode"/> as an integer.</returns>
    public static Task<int> Main(string[] args)
    {
        // Ctrl-C and SIGTERM cancel the running command's token; it then has 5 s to leave the wand safe (stop a session).
        return BuildRootCommand().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = System.TimeSpan.FromSeconds(5) });
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
