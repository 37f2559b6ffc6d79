using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Spectre.Console;

namespace Wand.Cli.TestRuns;

/// <summary>
/// A table of plain-text cells for <c>results</c>: a Spectre box table on a terminal, and plain columns aligned with
/// spaces (a header line, no box characters, no colour) when the output is piped or redirected, so scripts can read it.
/// </summary>
internal sealed class ResultsTable
{
    private readonly string[] headers;
    private readonly List<string[]> rows = [];

    public ResultsTable(params string[] headers) => this.headers = headers;

    /// <summary>Adds a row of plain text (not markup); missing cells are empty.</summary>
    /// <param name="cells">The cells, at most one per column.</param>
    public void AddRow(params string[] cells) => rows.Add([.. cells, .. Enumerable.Repeat(string.Empty, Math.Max(0, headers.Length - cells.Length))]);

    /// <summary>Writes the table.</summary>
    /// <param name="output">The command's output.</param>
    public void Write(TextWriter output)
    {
        if (ConsoleFactory.IsTerminal(output))
        {
            Table table = new Table().AddColumns(headers.Select(Markup.Escape).ToArray());
            foreach (string[] row in rows)
            {
                table.AddRow(row.Select(Markup.Escape).ToArray());
            }

            ConsoleFactory.For(output).Write(table);
            return;
        }

        int[] widths = headers.Select((header, column) => rows.Select(row => row[column].Length).Prepend(header.Length).Max()).ToArray();
        WriteLine(output, headers, widths);
        foreach (string[] row in rows)
        {
            WriteLine(output, row, widths);
        }
    }

    private static void WriteLine(TextWriter output, string[] cells, int[] widths)
    {
        StringBuilder line = new();
        for (int column = 0; column < widths.Length; column++)
        {
            line.Append(column == widths.Length - 1 ? cells[column] : cells[column].PadRight(widths[column] + 2));
        }

        output.WriteLine(line.ToString().TrimEnd());
    }
}
