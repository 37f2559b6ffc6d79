using System;
using System.Collections.Generic;
using System.IO;
using Spectre.Console;

namespace Wand.Cli.Output;

/// <summary>
/// Human output: Spectre.Console tables and progress when the output is an interactive terminal, plain aligned text
/// when it is piped or captured.
/// </summary>
internal sealed class Terminal
{
    private Terminal(TextWriter writer, IAnsiConsole? console)
    {
        Writer = writer;
        Console = console;
    }

    /// <summary>Gets the plain writer.</summary>
    public TextWriter Writer { get; }

    /// <summary>Gets the rich console when the output is a terminal, else <c>null</c>.</summary>
    public IAnsiConsole? Console { get; }

    /// <summary>Gets a value indicating whether the output is an interactive terminal.</summary>
    public bool IsInteractive => Console is not null;

    /// <summary>Creates the presenter for a writer: rich only for the process's own, unredirected standard output.</summary>
    /// <param name="writer">The command's output writer.</param>
    /// <returns>The presenter.</returns>
    public static Terminal For(TextWriter writer)
    {
        bool interactive = ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected
            && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        IAnsiConsole? console = interactive
            ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.Yes })
            : null;
        return new Terminal(writer, console);
    }

    /// <summary>Writes a two-column table of names and values.</summary>
    /// <param name="title">The table's title.</param>
    /// <param name="rows">Name and value pairs.</param>
    public void Properties(string title, IEnumerable<(string Name, string Value)> rows)
    {
        if (Console is not null)
        {
            Table table = new Table().Title(Markup.Escape(title)).AddColumn("Field").AddColumn("Value");
            foreach ((string name, string value) in rows)
            {
                table.AddRow(Markup.Escape(name), Markup.Escape(value));
            }

            Console.Write(table);
            return;
        }

        Writer.WriteLine(title);
        foreach ((string name, string value) in rows)
        {
            Writer.WriteLine($"  {name,-22} {value}");
        }
    }

    /// <summary>Writes a table with headers.</summary>
    /// <param name="title">The title.</param>
    /// <param name="headers">Column headers.</param>
    /// <param name="rows">Rows, one value per header.</param>
    public void Table(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        if (Console is not null)
        {
            Table table = new Table().Title(Markup.Escape(title));
            foreach (string header in headers)
            {
                table.AddColumn(Markup.Escape(header));
            }

            foreach (IReadOnlyList<string> row in rows)
            {
                string[] cells = new string[row.Count];
                for (int index = 0; index < row.Count; index++)
                {
                    cells[index] = Markup.Escape(row[index]);
                }

                table.AddRow(cells);
            }

            Console.Write(table);
            return;
        }

        Writer.WriteLine(title);
        Writer.WriteLine(string.Join('\t', headers));
        foreach (IReadOnlyList<string> row in rows)
        {
            Writer.WriteLine(string.Join('\t', row));
        }
    }

    /// <summary>Writes one line.</summary>
    /// <param name="text">The text.</param>
    public void Line(string text)
    {
        if (Console is not null)
        {
            Console.MarkupLine(Markup.Escape(text));
        }
        else
        {
            Writer.WriteLine(text);
        }
    }
}
