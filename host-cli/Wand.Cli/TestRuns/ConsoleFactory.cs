using System;
using System.IO;
using Spectre.Console;

namespace Wand.Cli.TestRuns;

/// <summary>Makes the Spectre console for a writer: colour and the terminal's width on a terminal, plain wide text otherwise.</summary>
internal static class ConsoleFactory
{
    /// <summary>Width used when the output is not a terminal (files, pipes, tests), in characters.</summary>
    public const int PlainWidth = 160;

    /// <summary>Tells whether a writer is the process's standard output on a terminal (not piped, not redirected).</summary>
    /// <param name="output">The writer.</param>
    /// <returns><c>true</c> on a terminal.</returns>
    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    public static IAnsiConsole For(TextWriter output)
    {
        bool terminal = IsTerminal(output);
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = PlainWidth;
        }

        return console;
    }
}
