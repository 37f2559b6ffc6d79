using System;

namespace Wand.Host.Links.Streams;

/// <summary>
/// The world-control side channel of a served virtual wand (README, "wand sim serve"): a connection to the same
/// address whose first line starts with <see cref="Greeting"/> is a world-control connection, not a GATT link. Each
/// request is one ASCII line, <c>WAND-WORLD/1 COMMAND ARGUMENT</c>; each answer is one line, <c>OK</c> followed by the
/// wand's clock after the command (milliseconds since boot), or <c>ERR reason</c>. The command <c>clock</c> changes
/// nothing and only answers the clock. A connection may carry any number of requests, one at a time. It never touches
/// the GATT link, so it works while a client holds the wand.
/// </summary>
public static class WorldControlProtocol
{
    /// <summary>The prefix of every request line.</summary>
    public const string Greeting = "WAND-WORLD/1";

    /// <summary>The first byte of a world-control connection ('W'); a GATT client's first byte is the start marker 0xA5.</summary>
    public const byte FirstByte = (byte)'W';

    /// <summary>The longest request or answer line, in bytes, without its newline.</summary>
    public const int MaximumLineLength = 512;

    /// <summary>The answer to an applied command.</summary>
    public const string Ok = "OK";

    /// <summary>The prefix of a refusal; the reason follows after a space.</summary>
    public const string Error = "ERR";

    /// <summary>Formats the answer to an applied command: <c>OK</c> and the device clock.</summary>
    /// <param name="deviceMilliseconds">The wand's clock after the command, in milliseconds since boot.</param>
    /// <returns>The line (without newline).</returns>
    public static string FormatOk(long deviceMilliseconds) => Ok + " " + deviceMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads an <c>OK</c> answer: bare, or with the device clock.</summary>
    /// <param name="answer">The line.</param>
    /// <param name="deviceMilliseconds">The clock it carries, or <c>null</c> for a bare <c>OK</c>.</param>
    /// <returns><c>true</c> when the answer is an <c>OK</c>.</returns>
    public static bool TryParseOk(string answer, out long? deviceMilliseconds)
    {
        deviceMilliseconds = null;
        if (answer == Ok)
        {
            return true;
        }

        if (answer is null || !answer.StartsWith(Ok + " ", StringComparison.Ordinal))
        {
            return false;
        }

        if (long.TryParse(answer.AsSpan(Ok.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long clock))
        {
            deviceMilliseconds = clock;
            return true;
        }

        return false;
    }

    /// <summary>Formats a request line (without newline).</summary>
    /// <param name="command">The command, e.g. <c>head</c>.</param>
    /// <param name="argument">The argument, e.g. <c>2490</c>.</param>
    /// <returns>The line.</returns>
    public static string FormatRequest(string command, string argument) => $"{Greeting} {command} {argument}";

    /// <summary>Splits a request line into command and argument.</summary>
    /// <param name="line">The line, without newline.</param>
    /// <param name="command">The command in lower case.</param>
    /// <param name="argument">The argument (may be empty).</param>
    /// <returns><c>true</c> when the line starts with the greeting and names a command.</returns>
    public static bool TryParseRequest(string line, out string command, out string argument)
    {
        command = string.Empty;
        argument = string.Empty;
        if (line is null || !line.StartsWith(Greeting + " ", StringComparison.Ordinal))
        {
            return false;
        }

        string rest = line[(Greeting.Length + 1)..].Trim();
        int space = rest.IndexOf(' ', StringComparison.Ordinal);
        command = (space < 0 ? rest : rest[..space]).ToLowerInvariant();
        argument = space < 0 ? string.Empty : rest[(space + 1)..].Trim();
        return command.Length > 0;
    }
}
