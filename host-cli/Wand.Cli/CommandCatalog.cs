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
        yield return StatusCommand.Create();
        yield return StartCommand.Create();
        yield return StopCommand.Create();
        yield return PauseCommand.Create();
        yield return ResumeCommand.Create();
        yield return RoutineCommand.Create();
        yield return HistoryCommand.Create();
        yield return LevelCommand.Create();
        yield return PatternCommand.Create();
        yield return SettingsCommand.Create();
        yield return FaultsCommand.Create();
        yield return InfoCommand.Create();
        yield return ProfileCommand.Create();
        yield return SimCommand.Create();
        yield return CalibrateCommand.Create();
        yield return TestRunCommand.Create();
        yield return StationCommand.Create();
        yield return ResultsCommand.Create();
    }
}
