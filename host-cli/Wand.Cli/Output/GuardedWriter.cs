using System;
using System.IO;
using System.Text;

namespace Wand.Cli.Output;

/// <summary>
/// Standard output or standard error that cannot crash the command: a write that fails (a full disk behind
/// <c>&gt; /dev/full</c>, a closed descriptor, a terminal that went away) is remembered and later writes are dropped.
/// The command finishes its job and its teardown; <see cref="Program"/> turns a lost output into
/// <see cref="ExitCode.OutputUnwritable"/>.
/// </summary>
internal sealed class GuardedWriter : TextWriter
{
    private readonly TextWriter inner;
    private volatile bool failed;

    /// <summary>Initializes a new instance of the <see cref="GuardedWriter"/> class.</summary>
    /// <param name="inner">The writer to guard, e.g. <see cref="Console.Out"/>.</param>
    public GuardedWriter(TextWriter inner)
    {
        this.inner = inner;
    }

    /// <summary>Gets a value indicating whether a write or flush failed (everything after it was dropped).</summary>
    public bool Failed => failed;

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value) => Guard(() => inner.Write(value));

    /// <inheritdoc />
    public override void Write(string? value) => Guard(() => inner.Write(value));

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    /// <inheritdoc />
    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    /// <inheritdoc />
    public override void Flush() => Guard(inner.Flush);

    private void Guard(Action write)
    {
        if (failed)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception exception) when (OutputFailures.IsOutputFailure(exception))
        {
            failed = true;
        }
    }
}
