using System;

namespace Wand.Host.Links.Streams;

/// <summary>
/// The world-control side channel of a served virtual wand (README, "wand sim serve"): a connection to the same
/// address whose first line starts with <see cref="Greeting"/> is a world-control connection, not a GATT link. Each
/// request is one ASCII line, <c>WAND-WORLD/1 COMMAND ARGUMENT</c>; each answer is one line, <c>OK</c> or
/// <c>ERR reason</c>. It never touches the GATT link, so it works while a client holds the wand.
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
