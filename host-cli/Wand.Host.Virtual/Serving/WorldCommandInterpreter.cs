using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Wand.Core.Board;
using Wand.Host.Links.Streams;
using Wand.Protocol.Vocabulary;

namespace Wand.Host.Serving;

/// <summary>
/// Applies world-control commands (<see cref="WorldControlProtocol"/>) to a served virtual wand: <c>head</c>,
/// <c>temperature</c>, <c>battery</c>, <c>usb</c>, <c>button</c>, <c>advance</c>, <c>fault</c> and <c>clock</c> (changes
/// nothing). Values are checked before anything changes; a refused command changes nothing. Every applied command is
/// answered with the wand's clock.
/// </summary>
public sealed class WorldCommandInterpreter
{
    /// <summary>The commands and their arguments, for help and error messages.</summary>
    public const string Commands =
        "head none|short|soft-dome|ridged-wave|bristle-brush|OHMS; temperature CELSIUS (-20 to 90)|model; battery VOLTS (3.0 to 4.2); "
        + "usb on|off; button MILLISECONDS (20 to 10000); advance MILLISECONDS (0 to 3600000); fault NAME; clock; "
        + "strap on|off (the factory jig strap, read at boot); power off|on (the supply: on again boots the wand and drops the link)";

    private readonly VirtualWandHost host;

    /// <summary>Initializes a new instance of the <see cref="WorldCommandInterpreter"/> class.</summary>
    /// <param name="host">The served wand.</param>
    public WorldCommandInterpreter(VirtualWandHost host)
    {
        this.host = host ?? throw new ArgumentNullException(nameof(host));
    }

    /// <summary>Resolves a head argument to an ID resistor: a head name, <c>none</c>, <c>short</c> or ohms.</summary>
    /// <param name="argument">The argument.</param>
    /// <param name="heads">The board's head catalog.</param>
    /// <param name="ohms">The resistor, 0 for a short, <c>null</c> for no head.</param>
    /// <returns><c>true</c> when the argument is understood.</returns>
    public static bool TryResolveHead(string argument, HeadCatalog heads, out double? ohms)
    {
        ArgumentNullException.ThrowIfNull(heads);
        ohms = null;
        string name = (argument ?? string.Empty).Trim().ToLowerInvariant();
        switch (name)
        {
            case "none":
            case "detach":
            case "detached":
                return true;
            case "short":
            case "shorted":
                ohms = 0;
                return true;
        }

        for (int index = 0; index < heads.Count; index++)
        {
            HeadDefinition head = heads[index];
            if (name == Kebab(head.Identity.ToString()) || name == head.Name.ToLowerInvariant().Replace(' ', '-'))
            {
                ohms = head.IdResistorOhms;
                return true;
            }
        }

        if (double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 0 && value <= 10_000_000)
        {
            ohms = value;
            return true;
        }

        return false;
    }

    /// <summary>Applies one command.</summary>
    /// <param name="command">The command in lower case.</param>
    /// <param name="argument">Its argument.</param>
    /// <returns><c>null</c> when applied, otherwise why not.</returns>
    public string? Apply(string command, string argument)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(argument);
        switch (command)
        {
            case "head":
                {
                    HeadCatalog heads = host.Wand.Board.Profile.Heads;
                    if (!TryResolveHead(argument, heads, out double? ohms))
                    {
                        return $"head '{argument}' is not none, short, a head name (soft-dome, ridged-wave, bristle-brush) or a resistance of 0 to 10000000 ohms";
                    }

                    return Run(wand => wand.Board.SetHeadResistor(ohms));
                }

            case "temperature":
                if (argument.Equals("model", StringComparison.OrdinalIgnoreCase))
                {
                    return Run(wand => wand.Board.ForceHeadTemperature(null));
                }

                return TryNumber(argument, -20, 90, out double celsius)
                    ? Run(wand => wand.Board.ForceHeadTemperature(celsius))
                    : $"temperature '{argument}' must be -20 to 90 (degrees Celsius) or 'model'";

            case "battery":
                return TryNumber(argument, 3.0, 4.2, out double volts)
                    ? Run(wand => wand.Board.SetBatteryVolts(volts))
                    : $"battery '{argument}' must be 3.0 to 4.2 (V)";

            case "usb":
                return argument.ToLowerInvariant() switch
                {
                    "on" or "plugged" => Run(wand => wand.Board.SetUsbPower(true)),
                    "off" or "unplugged" => Run(wand => wand.Board.SetUsbPower(false)),
                    _ => $"usb '{argument}' must be on or off",
                };

            case "button":
                return TryNumber(argument, 20, 10_000, out double hold)
                    ? Run(wand => wand.Board.PressButton((long)hold))
                    : $"button '{argument}' must be a hold time of 20 to 10000 (ms)";

            case "advance":
                if (!TryNumber(argument, 0, 3_600_000, out double span))
                {
                    return $"advance '{argument}' must be 0 to 3600000 (virtual ms)";
                }

                host.Advance((long)span);
                return null;

            case "clock":
                return null;

            case "strap":
                return argument.ToLowerInvariant() switch
                {
                    "on" or "fitted" => Run(wand => wand.Board.SetFactoryStrap(true)),
                    "off" or "removed" => Run(wand => wand.Board.SetFactoryStrap(false)),
                    _ => $"strap '{argument}' must be on or off",
                };

            case "power":
                switch (argument.ToLowerInvariant())
                {
                    case "on":
                        host.SetPowered(true);
                        return null;
                    case "off":
                        host.SetPowered(false);
                        return null;
                    default:
                        return $"power '{argument}' must be on or off";
                }

            case "fault":
                try
                {
                    return Run(wand => wand.Board.InjectFault(argument));
                }
                catch (ArgumentException exception)
                {
                    return exception.Message;
                }

            default:
                return $"unknown command '{command}'; commands: {Commands}";
        }
    }

    /// <summary>Serves one world-control connection until it closes.</summary>
    /// <param name="stream">The connection.</param>
    /// <param name="firstByte">The byte already read while classifying the connection.</param>
    /// <param name="cancellationToken">Stops serving (server shutdown).</param>
    /// <returns>A task that completes when the connection closed.</returns>
    internal async Task ServeAsync(Stream stream, byte firstByte, CancellationToken cancellationToken)
    {
        StringBuilder line = new();
        line.Append((char)firstByte);
        byte[] buffer = new byte[256];
        while (true)
        {
            int count = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                return;
            }

            for (int index = 0; index < count; index++)
            {
                byte value = buffer[index];
                if (value == (byte)'\n')
                {
                    string answer = await AnswerAsync(line.ToString().TrimEnd('\r'), cancellationToken).ConfigureAwait(false);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(answer + "\n"), cancellationToken).ConfigureAwait(false);
                    line.Clear();
                }
                else if (line.Length >= WorldControlProtocol.MaximumLineLength || value is < 0x20 or > 0x7E)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"{WorldControlProtocol.Error} not a world-control line (printable ASCII, at most {WorldControlProtocol.MaximumLineLength} bytes)\n"), cancellationToken).ConfigureAwait(false);
                    return;
                }
                else
                {
                    line.Append((char)value);
                }
            }
        }
    }

    private async Task<string> AnswerAsync(string line, CancellationToken cancellationToken)
    {
        if (!WorldControlProtocol.TryParseRequest(line, out string command, out string argument))
        {
            return $"{WorldControlProtocol.Error} a request is '{WorldControlProtocol.Greeting} COMMAND ARGUMENT'";
        }

        string? refusal = Apply(command, argument);
        if (refusal is not null)
        {
            return $"{WorldControlProtocol.Error} {refusal}";
        }

        if (command == "button" && !host.Options.Stepped && TryNumber(argument, 20, 10_000, out double hold))
        {
            // Answer after the release, in real time at the host's pace; a stepped wand releases as its time passes.
            await Task.Delay(TimeSpan.FromMilliseconds(hold / host.Options.Speed), cancellationToken).ConfigureAwait(false);
        }

        return WorldControlProtocol.FormatOk(host.DeviceMilliseconds);
    }

    private string? Run(Action<Simulation.VirtualWand> action)
    {
        return host.Execute((wand, gatt) =>
        {
            action(wand);
            return (string?)null;
        });
    }

    private static bool TryNumber(string text, double minimum, double maximum, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= minimum && value <= maximum;

    private static string Kebab(string pascal)
    {
        StringBuilder text = new();
        foreach (char character in pascal)
        {
            if (char.IsUpper(character) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(character));
        }

        return text.ToString();
    }
}
