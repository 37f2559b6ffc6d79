using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using Wand.Cli.Output;
using Wand.Core.Board;

namespace Wand.Cli.Commands;

/// <summary>
/// <c>wand limits</c>: prints the firmware's safety limits for the reference board.
/// </summary>
internal static class LimitsCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("limits", "Print the firmware's safety limits (hardware/limits.md) for the reference board.");
        command.SetAction(parseResult => Run(
            parseResult.InvocationConfiguration.Output,
            parseResult.GetValue(CommonOptions.Json)));
        return command;
    }

    private static int Run(TextWriter output, bool json)
    {
        SafetyLimits limits = BoardProfile.CreateDefault().Limits;
        if (json)
        {
            CliJson.Write(output, new JsonObject
            {
                ["ratedMotorMillivolts"] = limits.RatedMotorMillivolts,
                ["maximumSessionSeconds"] = limits.MaximumSessionSeconds,
                ["derateStartMillidegrees"] = limits.DerateStartMillidegrees,
                ["tripMillidegrees"] = limits.TripMillidegrees,
                ["thermalRestartMillidegrees"] = limits.ThermalRestartMillidegrees,
                ["batteryWarningMillivolts"] = limits.BatteryWarningMillivolts,
                ["batteryCutoffMillivolts"] = limits.BatteryCutoffMillivolts,
                ["batteryRestartMillivolts"] = limits.BatteryRestartMillivolts,
            });
        }
        else
        {
            output.WriteLine($"Motor voltage ceiling     {limits.RatedMotorMillivolts} mV");
            output.WriteLine($"Session maximum           {limits.MaximumSessionSeconds} s");
            output.WriteLine($"Thermal derate / trip     {limits.DerateStartMillidegrees / 1000.0:0.0} / {limits.TripMillidegrees / 1000.0:0.0} °C");
            output.WriteLine($"Battery warn / cut-off    {limits.BatteryWarningMillivolts} / {limits.BatteryCutoffMillivolts} mV");
        }

        return (int)ExitCode.Success;
    }
}
