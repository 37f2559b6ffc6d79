using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Host.Client;

namespace Wand.Cli.Commands;

/// <summary><c>wand faults</c>: reads the fault log (the last 16 faults, newest first).</summary>
internal static class FaultsCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("faults", "Show the fault log: the last 16 faults, newest first, with the time since boot.");
        command.SetAction((parseResult, cancellationToken) => DeviceSession.RunAsync(parseResult, RunAsync, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DeviceContext context, CancellationToken cancellationToken)
    {
        SynchronousProgress<ReadProgress>? progress = context.Json ? null : new(step =>
        {
            if (context.Terminal.IsInteractive)
            {
                context.Error.Write($"\rReading the fault log: {step.Done}/{step.Total}");
            }
        });
        IReadOnlyList<FaultEntry> entries = await context.Client.ReadFaultLogAsync(progress, cancellationToken).ConfigureAwait(false);
        if (context.Terminal.IsInteractive)
        {
            context.Error.WriteLine();
        }

        if (context.Json)
        {
            JsonArray items = CliJson.Array(entries, entry => new JsonObject { ["code"] = CliJson.Name(entry.Code), ["context"] = entry.Context, ["millisecondsSinceBoot"] = entry.MillisecondsSinceBoot });

            CliJson.Write(context.Output, new JsonObject { ["device"] = context.Client.Link.Address, ["count"] = entries.Count, ["faults"] = items });
            return (int)ExitCode.Success;
        }

        if (entries.Count == 0)
        {
            context.Terminal.Line("The fault log is empty.");
            return (int)ExitCode.Success;
        }

        List<IReadOnlyList<string>> rows = [];
        for (int index = 0; index < entries.Count; index++)
        {
            FaultEntry entry = entries[index];
            rows.Add([
                index.ToString(CultureInfo.InvariantCulture),
                entry.Code.ToString(),
                entry.Context.ToString(CultureInfo.InvariantCulture),
                (entry.MillisecondsSinceBoot / 1000.0).ToString("0.000", CultureInfo.InvariantCulture),
            ]);
        }

        context.Terminal.Table($"Fault log ({entries.Count}, newest first)", ["#", "Fault", "Context", "Seconds since boot"], rows);
        return (int)ExitCode.Success;
    }
}
