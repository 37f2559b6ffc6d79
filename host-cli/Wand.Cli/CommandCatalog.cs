using System.Collections.Generic;
using System.CommandLine;
using Wand.Cli.Commands;

namespace Wand.Cli;

/// <summary>
/// The list of command factories, one per file under <c>Commands/</c>.
/// </summary>
internal static class CommandCatalog
{
    /// <summary>Creates every top-level command.</summary>
    /// <returns>The commands in help order.</returns>
    public static IEnumerable<Command> All()
    {
        yield return LimitsCommand.Create();
        yield return ScanCommand.Create();
        yield return FlashCommand.Create();
        yield return ChipInfoCommand.Create();
        yield return EraseCommand.Create();
        yield return PortsCommand.Create();
        yield return SimCommand.Create();
    }
}
