using System;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;
using Wand.Host.Client;

namespace Wand.Cli.Output;

/// <summary>Shows a followed session: a progress bar on a terminal, a line per change when piped, nothing with --json.</summary>
internal static class SessionProgress
{
    /// <summary>Follows the session with the right kind of progress.</summary>
    /// <param name="context">The command's context.</param>
    /// <param name="grantedSeconds">The session length granted, in seconds.</param>
    /// <param name="stopAfter">When to stop it, or <c>null</c>.</param>
    /// <param name="wait">Lets time pass.</param>
    /// <param name="cancellationToken">Ctrl-C.</param>
    /// <param name="detail">The routine's present step or cue for the progress line, or <c>null</c> for a manual session.</param>
    /// <returns>How it ended.</returns>
    public static async Task<FollowResult> FollowAsync(DeviceContext context, int grantedSeconds, TimeSpan? stopAfter, Func<TimeSpan, CancellationToken, Task> wait, CancellationToken cancellationToken, Func<string>? detail = null)
    {
        if (context.Json)
        {
            return await SessionFollower.FollowAsync(context.Client, stopAfter, wait, null, cancellationToken).ConfigureAwait(false);
        }

        if (context.Terminal.Console is { } console)
        {
            FollowResult? result = null;
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new RemainingTimeColumn())
                .StartAsync(async progressContext =>
                {
                    ProgressTask task = progressContext.AddTask("Session", maxValue: Math.Max(1, grantedSeconds));
                    SynchronousProgress<WandStatus> progress = new(status =>
                    {
                        task.Value = grantedSeconds - status.RemainingSeconds;
                        string step = detail?.Invoke() ?? string.Empty;
                        task.Description = Markup.Escape(step.Length > 0
                            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{step}, drive {status.DriveLevel:0.0}, {status.RemainingSeconds} s left")
                            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{StatusText.StateText(status)} level {status.TargetLevel} ({status.DriveLevel:0.0}) {status.Pattern}, {status.RemainingSeconds} s left"));
                    });
                    result = await SessionFollower.FollowAsync(context.Client, stopAfter, wait, progress, cancellationToken).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                }).ConfigureAwait(false);
            return result!;
        }

        string last = string.Empty;
        int lastRemaining = int.MaxValue;
        SynchronousProgress<WandStatus> lines = new(status =>
        {
            string state = $"{StatusText.StateText(status)}/{status.TargetLevel}/{status.Pattern}";
            if (state != last || lastRemaining - status.RemainingSeconds >= 10)
            {
                context.Output.WriteLine(StatusText.Line(status));
                last = state;
                lastRemaining = status.RemainingSeconds;
            }
        });
        return await SessionFollower.FollowAsync(context.Client, stopAfter, wait, lines, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread, in order.</summary>
/// <typeparam name="T">The progress value.</typeparam>
/// <param name="report">What to do with each value.</param>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
