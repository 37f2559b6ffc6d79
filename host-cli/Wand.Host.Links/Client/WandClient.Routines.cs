using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Host.Client;

/// <summary>Protocol 1.1 of <see cref="WandClient"/>: routines (MD-6), pause (MD-7), session history and time (BP-6).</summary>
public sealed partial class WandClient
{
    private static readonly Guid Routine = CharacteristicMap.UuidOf(WandProfile.RoutineIndex);
    private static readonly Guid RoutineCatalog = CharacteristicMap.UuidOf(WandProfile.RoutineCatalogIndex);
    private static readonly Guid SessionHistory = CharacteristicMap.UuidOf(WandProfile.SessionHistoryIndex);
    private static readonly Guid Time = CharacteristicMap.UuidOf(WandProfile.CurrentTimeIndex);

    /// <summary>Raised for each routine-progress notification after <see cref="SubscribeRoutineAsync"/>; runs on the link's reader.</summary>
    public event EventHandler<WandRoutineProgress>? RoutineProgressChanged;

    /// <summary>Checks that the wand reports protocol features (protocol-version feature bits, BP-7).</summary>
    /// <param name="needed">The features the caller is about to use.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A task that completes when the wand has them.</returns>
    /// <exception cref="FeatureNotSupportedException">The wand lacks one of them.</exception>
    public async Task RequireFeaturesAsync(ProtocolFeatures needed, CancellationToken cancellationToken = default)
    {
        byte[] value = await Link.ReadAsync(Version, cancellationToken).ConfigureAwait(false);
        ProtocolVersion version = new();
        Check(version.Decode(value, 0, value.Length), "protocol-version", value.Length);
        ProtocolFeatures missing = needed & ~version.Features;
        if (missing != ProtocolFeatures.None)
        {
            throw new FeatureNotSupportedException($"{Link.Address} speaks protocol {version.Major}.{version.Minor} without {missing}.", missing);
        }
    }

    /// <summary>Starts a built-in routine as a remote session (it stops within 2 s when the link drops, SR-11).</summary>
    /// <param name="routine">The routine, 1 to 4.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="AttErrorException">The routine number is unknown (0x8A).</exception>
    /// <exception cref="CommandRefusedException">Refused: too long for the session length (RoutineTooLong), level or pattern not allowed by the head, busy, …</exception>
    public Task<CommandOutcome> StartRoutineAsync(RoutineKind routine, CancellationToken cancellationToken = default)
    {
        if (!ValueRanges.IsRoutine((int)routine))
        {
            throw new ArgumentOutOfRangeException(nameof(routine), routine, "The built-in routines are numbered 1 to 4.");
        }

        ControlPointCommand command = new();
        command.SetRoutineStart(routine);
        return SendCommandAsync(command, cancellationToken);
    }

    /// <summary>Pauses the session: the motor ramps off and the timers hold; over 2 minutes paused ends it (MD-7).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="CommandRefusedException">No session runs.</exception>
    public Task<CommandOutcome> PauseAsync(CancellationToken cancellationToken = default)
    {
        ControlPointCommand command = new();
        command.SetPause();
        return SendCommandAsync(command, cancellationToken);
    }

    /// <summary>Resumes a paused session through the start ramp (MD-7).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="CommandRefusedException">No session runs.</exception>
    public Task<CommandOutcome> ResumeAsync(CancellationToken cancellationToken = default)
    {
        ControlPointCommand command = new();
        command.SetResume();
        return SendCommandAsync(command, cancellationToken);
    }

    /// <summary>Subscribes to routine-progress notifications (on every change of step, cue, pause or seconds left).</summary>
    /// <param name="enable"><c>true</c> to subscribe, <c>false</c> to stop.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the subscription changed.</returns>
    public Task SubscribeRoutineAsync(bool enable, CancellationToken cancellationToken = default) =>
        Link.SubscribeAsync(Routine, enable, cancellationToken);

    /// <summary>Reads where the playing routine is.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The progress; <see cref="RoutineKind.None"/> when no routine plays.</returns>
    public async Task<WandRoutineProgress> ReadRoutineProgressAsync(CancellationToken cancellationToken = default)
    {
        byte[] value = await Link.ReadAsync(Routine, cancellationToken).ConfigureAwait(false);
        RoutineProgress progress = new();
        Check(progress.Decode(value, 0, value.Length), "routine", value.Length);
        return ToRecord(progress);
    }

    /// <summary>Reads a built-in routine's steps from the wand, three per read.</summary>
    /// <param name="routine">The routine, 1 to 4.</param>
    /// <param name="cancellationToken">Cancels the job between pages.</param>
    /// <returns>The routine.</returns>
    public async Task<WandRoutine> ReadRoutineAsync(RoutineKind routine, CancellationToken cancellationToken = default)
    {
        if (!ValueRanges.IsRoutine((int)routine))
        {
            throw new ArgumentOutOfRangeException(nameof(routine), routine, "The built-in routines are numbered 1 to 4.");
        }

        List<WandRoutineStep> steps = [];
        RoutineCatalogPage page = new();
        byte[] selection = new byte[RoutineCatalogPage.SelectionLength];
        int totalSeconds = 0;
        while (true)
        {
            RoutineCatalogPage.EncodeSelection(selection, 0, routine, steps.Count);
            await Link.WriteAsync(RoutineCatalog, selection, WriteKind.WithResponse, cancellationToken).ConfigureAwait(false);
            byte[] value = await Link.ReadAsync(RoutineCatalog, cancellationToken).ConfigureAwait(false);
            Check(page.Decode(value, 0, value.Length), "routine-catalog", value.Length);
            if (page.Routine != routine || page.FirstStep != steps.Count)
            {
                throw new ProtocolViolationException($"{Link.Address} answered routine-catalog selection {routine}/{steps.Count} with {page.Routine}/{page.FirstStep}.");
            }

            totalSeconds = page.TotalSeconds;
            for (int position = 0; position < page.Count; position++)
            {
                steps.Add(new WandRoutineStep(page.AreaAt(position), page.SecondsAt(position), page.PatternAt(position), page.LevelAt(position)));
            }

            if (page.Count == 0 || steps.Count >= page.StepCount)
            {
                return new WandRoutine(routine, totalSeconds, steps);
            }
        }
    }

    /// <summary>Reads every built-in routine.</summary>
    /// <param name="cancellationToken">Cancels the job between pages.</param>
    /// <returns>The routines in number order.</returns>
    public async Task<IReadOnlyList<WandRoutine>> ReadRoutinesAsync(CancellationToken cancellationToken = default)
    {
        List<WandRoutine> routines = [];
        for (int number = 1; number <= ValueRanges.MaximumRoutine; number++)
        {
            routines.Add(await ReadRoutineAsync((RoutineKind)number, cancellationToken).ConfigureAwait(false));
        }

        return routines;
    }

    /// <summary>Reads the session history, newest first, two entries per read, and today's total drive time.</summary>
    /// <param name="progress">Receives entries read and the total after every page; may be <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the job between pages.</param>
    /// <returns>The history.</returns>
    public async Task<WandHistory> ReadHistoryAsync(IProgress<ReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        List<WandHistoryEntry> entries = [];
        SessionHistoryPage page = new();
        int today = 0;
        while (true)
        {
            int first = entries.Count;
            await Link.WriteAsync(SessionHistory, new[] { (byte)first }, WriteKind.WithResponse, cancellationToken).ConfigureAwait(false);
            byte[] value = await Link.ReadAsync(SessionHistory, cancellationToken).ConfigureAwait(false);
            Check(page.Decode(value, 0, value.Length), "session-history", value.Length);
            if (page.TotalEntries > 0 && page.FirstIndex != first)
            {
                throw new ProtocolViolationException($"{Link.Address} answered session-history selection {first} with page {page.FirstIndex}.");
            }

            today = page.TodayDriveSeconds;
            for (int position = 0; position < page.Count; position++)
            {
                bool wall = page.IsWallClockAt(position);
                uint time = page.TimeAt(position);
                entries.Add(new WandHistoryEntry(
                    entries.Count,
                    wall ? DateTime.SpecifyKind(DateTime.UnixEpoch.AddSeconds(time), DateTimeKind.Unspecified) : null,
                    wall,
                    wall ? null : TimeSpan.FromSeconds(time),
                    page.DriveSecondsAt(position),
                    page.RoutineAt(position),
                    page.HeadAt(position),
                    page.HighestLevelAt(position),
                    page.StopReasonAt(position)));
            }

            progress?.Report(new ReadProgress(entries.Count, page.TotalEntries));
            if (page.Count == 0 || entries.Count >= page.TotalEntries || entries.Count >= SessionHistoryPage.Capacity)
            {
                return new WandHistory(today, entries);
            }
        }
    }

    /// <summary>Writes the local time through the Current Time Service, so history entries carry wall-clock time (BP-6).</summary>
    /// <param name="localTime">The local date and time, years 1970 to 2105.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the wand took the time.</returns>
    public Task WriteCurrentTimeAsync(DateTime localTime, CancellationToken cancellationToken = default)
    {
        if (localTime.Year < CurrentTime.MinimumYear || localTime.Year > CurrentTime.MaximumYear)
        {
            throw new ArgumentOutOfRangeException(nameof(localTime), localTime, "The wand keeps time from 1970 to 2105.");
        }

        CurrentTime time = new();
        time.SetLocalSeconds((long)(localTime - DateTime.UnixEpoch).TotalSeconds, CurrentTime.AdjustManual);
        byte[] value = new byte[CurrentTime.Length];
        time.Encode(value, 0);
        return Link.WriteAsync(Time, value, WriteKind.WithResponse, cancellationToken);
    }

    private static WandRoutineProgress ToRecord(RoutineProgress progress) => new(
        progress.Routine, progress.StepIndex, progress.StepCount, progress.Area, progress.Level, progress.Pattern,
        progress.Phase == RoutineProgress.PhaseCue, progress.Paused, progress.StepRemainingSeconds);

    private void OnRoutineNotification(byte[] value)
    {
        RoutineProgress progress = new();
        if (progress.Decode(value, 0, value.Length) == AttError.Success)
        {
            RoutineProgressChanged?.Invoke(this, ToRecord(progress));
        }
    }
}
