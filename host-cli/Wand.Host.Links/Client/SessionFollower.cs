using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Protocol.Vocabulary;

namespace Wand.Host.Client;

/// <summary>How a followed session ended.</summary>
/// <param name="Final">The status after the session ended (or at the deadline of a wait that gave up).</param>
/// <param name="StoppedByFollower">Whether the follower stopped the session because its time was up.</param>
/// <param name="FollowedMilliseconds">Wand time followed, in milliseconds.</param>
public sealed record FollowResult(WandStatus Final, bool StoppedByFollower, long FollowedMilliseconds);

/// <summary>
/// Follows a running session to its end, reporting the status at every step: a long job with a progress callback.
/// Time passes by a caller-supplied wait, so the same code follows a real wand (wall-clock delay) and an in-process
/// virtual wand (advance virtual time).
/// </summary>
public static class SessionFollower
{
    /// <summary>The interval between status reads, in milliseconds (the status notify interval).</summary>
    public const int StepMilliseconds = 250;

    /// <summary>The longest wait for a stopping session to reach Idle, in milliseconds (ramp-down is at most 2 s).</summary>
    public const int StopWaitMilliseconds = 5_000;

    /// <summary>Creates the wait for a wand: virtual time for a world that can advance it, the wall clock otherwise.</summary>
    /// <param name="world">The virtual wand's world control, or <c>null</c>.</param>
    /// <param name="virtualClock">Whether the wand's time advances only when asked.</param>
    /// <returns>The wait.</returns>
    public static Func<TimeSpan, CancellationToken, Task> WaitFor(IWorldControl? world, bool virtualClock) =>
        virtualClock && world is not null
            ? (span, cancellationToken) => world.AdvanceAsync((long)span.TotalMilliseconds, cancellationToken)
            : (span, cancellationToken) => Task.Delay(span, cancellationToken);

    /// <summary>Follows the session until it ends; optionally stops it after a while.</summary>
    /// <param name="client">The client.</param>
    /// <param name="stopAfter">Stop the session after this much time; <c>null</c> to let it run to its end.</param>
    /// <param name="wait">Lets time pass (see <see cref="WaitFor"/>).</param>
    /// <param name="progress">Receives the status after every step; may be <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels following (the session is left as it is; the caller decides to stop it).</param>
    /// <returns>How it ended.</returns>
    public static async Task<FollowResult> FollowAsync(
        WandClient client,
        TimeSpan? stopAfter,
        Func<TimeSpan, CancellationToken, Task> wait,
        IProgress<WandStatus>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(wait);
        TimeSpan step = TimeSpan.FromMilliseconds(StepMilliseconds);
        long followed = 0;
        bool stopped = false;
        long stoppedAt = 0;
        WandStatus status = await client.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
        progress?.Report(status);
        while (status.State != SessionState.Idle)
        {
            if (!stopped && stopAfter is { } limit && followed >= limit.TotalMilliseconds)
            {
                await client.StopAsync(cancellationToken).ConfigureAwait(false);
                stopped = true;
                stoppedAt = followed;
            }

            if (stopped && followed - stoppedAt > StopWaitMilliseconds)
            {
                throw new ProtocolViolationException($"The session at {client.Link.Address} did not reach Idle within {StopWaitMilliseconds} ms of the stop.");
            }

            await wait(step, cancellationToken).ConfigureAwait(false);
            followed += StepMilliseconds;
            status = await client.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
            progress?.Report(status);
        }

        return new FollowResult(status, stopped, followed);
    }
}
