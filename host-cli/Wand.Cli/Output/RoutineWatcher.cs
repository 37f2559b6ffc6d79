using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Client;
using Wand.Protocol.Vocabulary;

namespace Wand.Cli.Output;

/// <summary>One change of a followed routine: a new step or the cue before it (MD-6), or a pause or resume (MD-7).</summary>
/// <param name="AtSeconds">Seconds followed when it was seen.</param>
/// <param name="Step">1-based step.</param>
/// <param name="Area">Body area.</param>
/// <param name="Level">0 (hands only) to 5.</param>
/// <param name="Pattern">The step's pattern.</param>
/// <param name="Cue">Whether it is the cue before the step.</param>
/// <param name="Paused">Whether the session is paused.</param>
internal sealed record RoutineEvent(double AtSeconds, int Step, BodyArea Area, int Level, PatternKind Pattern, bool Cue, bool Paused);

/// <summary>
/// Watches a playing routine while a session is followed: after every wait it reads the routine's progress and records
/// each new step, cue, pause and resume, so <c>wand start</c> can show them as they happen.
/// </summary>
internal sealed class RoutineWatcher(WandClient client, Action<RoutineEvent, WandRoutineProgress>? changed)
{
    private readonly List<RoutineEvent> events = [];
    private WandRoutineProgress? last;
    private long followedMilliseconds;

    /// <summary>Gets the changes seen so far.</summary>
    public IReadOnlyList<RoutineEvent> Events => events;

    /// <summary>Gets the present step or cue as one line, or an empty text before the first read.</summary>
    public string Current => last is null || last.Routine == RoutineKind.None ? string.Empty : RoutineText.Line(last);

    /// <summary>Reads the progress now and records a change.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A task that completes after the read.</returns>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        WandRoutineProgress progress = await client.ReadRoutineProgressAsync(cancellationToken).ConfigureAwait(false);
        if (progress.Routine == RoutineKind.None)
        {
            return;
        }

        if (last is null || last.StepIndex != progress.StepIndex || last.InCue != progress.InCue || last.Paused != progress.Paused)
        {
            RoutineEvent change = new(followedMilliseconds / 1000.0, progress.StepIndex + 1, progress.Area, progress.Level, progress.Pattern, progress.InCue, progress.Paused);
            events.Add(change);
            changed?.Invoke(change, progress);
        }

        last = progress;
    }

    /// <summary>Wraps a wait so the routine is read after each one.</summary>
    /// <param name="wait">The wait that lets time pass.</param>
    /// <returns>The wrapped wait.</returns>
    public Func<TimeSpan, CancellationToken, Task> Wrap(Func<TimeSpan, CancellationToken, Task> wait) => async (span, cancellationToken) =>
    {
        await wait(span, cancellationToken).ConfigureAwait(false);
        followedMilliseconds += (long)span.TotalMilliseconds;
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
    };
}
