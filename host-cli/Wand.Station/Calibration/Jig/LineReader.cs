using System;
using System.Diagnostics;
using System.Text;
using Wand.Host.Serial.Terminals;

namespace Wand.Host.Calibration.Jig;

/// <summary>Splits bytes from an <see cref="IJigLine"/> into ASCII lines, keeping any partial line between calls.</summary>
public sealed class LineReader(IJigLine line)
{
    private readonly byte[] chunk = new byte[256];
    private readonly StringBuilder pending = new();

    /// <summary>Reads one line.</summary>
    /// <param name="timeout">Longest wait for the whole line.</param>
    /// <returns>The line without CR/LF, or <c>null</c> on timeout.</returns>
    /// <exception cref="System.IO.InvalidDataException">A line longer than <see cref="JigProtocol.MaximumLineLength"/>.</exception>
    public string? ReadLine(TimeSpan timeout)
    {
        Stopwatch clock = Stopwatch.StartNew();
        while (true)
        {
            string? complete = TakeLine();
            if (complete is not null)
            {
                return complete;
            }

            TimeSpan left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            int count = line.Read(chunk, left);
            for (int index = 0; index < count; index++)
            {
                pending.Append((char)chunk[index]);
            }

            if (pending.Length > JigProtocol.MaximumLineLength && pending.ToString().IndexOf('\n', StringComparison.Ordinal) < 0)
            {
                pending.Clear();
                throw new System.IO.InvalidDataException($"A line of more than {JigProtocol.MaximumLineLength} bytes arrived on {line.Name}.");
            }
        }
    }

    /// <summary>Drops any partial line.</summary>
    public void Clear() => pending.Clear();

    private string? TakeLine()
    {
        for (int index = 0; index < pending.Length; index++)
        {
            if (pending[index] == '\n')
            {
                string text = pending.ToString(0, index).TrimEnd('\r');
                pending.Remove(0, index + 1);
                return text;
            }
        }

        return null;
    }
}
