using System.Collections.Generic;
using System.CommandLine;

namespace Wand.Cli.Commands;

/// <summary><c>wand sim</c>: the group of simulator commands. It only lists subcommand factories.</summary>
internal static class SimCommand
{
    /// <summary>Creates the command group.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("sim", "Run simulated hardware for tests and demos.");
        foreach (Command subcommand in Subcommands())
        {
            command.Subcommands.Add(subcommand);
        }

        return command;
    }

    private static IEnumerable<Command> Subcommands()
    {
        yield return SimRomCommand.Create();
        yield return SimServeCommand.Create();
        yield return SimStationCommand.Create();
        foreach (Command world in SimWorldCommand.CreateAll())
        {
            yield return world;
        }
    }
}
