using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using Wand.Cli.Output;
using Wand.Protocol.Host;
using Wand.Protocol.Profile;

namespace Wand.Cli.Commands;

/// <summary><c>wand profile</c>: prints the GATT profile table, or exports it as JSON. Needs no device.</summary>
internal static class ProfileCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("profile", "Print the GATT profile (services, characteristics, UUIDs, access, lengths); --json exports it.");
        command.SetAction(parseResult => Run(parseResult.InvocationConfiguration.Output, parseResult.GetValue(CommonOptions.Json)));
        return command;
    }

    private static int Run(TextWriter output, bool json)
    {
        if (json)
        {
            output.WriteLine(ProfileJson.Export());
            return (int)ExitCode.Success;
        }

        Terminal terminal = Terminal.For(output);
        if (!terminal.IsInteractive)
        {
            output.Write(ProfileDocument.RenderTables());
            return (int)ExitCode.Success;
        }

        List<IReadOnlyList<string>> rows = [];
        for (int index = 0; index < WandProfile.CharacteristicCount; index++)
        {
            CharacteristicDefinition definition = WandProfile.Characteristic(index);
            rows.Add([
                index.ToString(CultureInfo.InvariantCulture),
                definition.Name,
                WandProfile.Service(definition.ServiceIndex).Name,
                definition.Uuid.Text,
                definition.Properties.ToString(),
                definition.MaximumValueLength.ToString(CultureInfo.InvariantCulture),
            ]);
        }

        terminal.Table("Wand GATT profile (PROFILE.md)", ["#", "Characteristic", "Service", "UUID", "Properties", "Max length"], rows);
        return (int)ExitCode.Success;
    }
}
