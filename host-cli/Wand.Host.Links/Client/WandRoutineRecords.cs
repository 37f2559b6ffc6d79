using System;
using System.Collections.Generic;
using Wand.Protocol.Vocabulary;

namespace Wand.Host.Client;

/// <summary>One step of a built-in routine (PROFILE.md §6.9).</summary>
/// <param name="Area">Where the step is given.</param>
/// <param name="Seconds">Duration, in seconds.</param>
/// <param name="Pattern">The step's pattern.</param>
/// <param name="Level">0 (hands only: the wand rests) to 5.</param>
public sealed record WandRoutineStep(BodyArea Area, int Seconds, PatternKind Pattern, int Level);

/// <summary>A built-in routine as the wand describes it (MD-6).</summary>
/// <param name="Kind">The routine.</param>
/// <param name="TotalSeconds">Its length with the cues between steps, in seconds.</param>
/// <param name="Steps">The steps in order.</param>
public sealed record WandRoutine(RoutineKind Kind, int TotalSeconds, IReadOnlyList<WandRoutineStep> Steps);

/// <summary>Where the playing routine is (PROFILE.md §6.8).</summary>
/// <param name="Routine">The routine, or <see cref="RoutineKind.None"/>.</param>
/// <param name="StepIndex">0-based step (during a cue: the step that follows).</param>
/// <param name="StepCount">Steps in the routine.</param>
/// <param name="Area">The step's body area.</param>
/// <param name="Level">The step's level, 0 (hands only) to 5.</param>
/// <param name="Pattern">The step's pattern.</param>
/// <param name="InCue">Whether the cue before the step is playing.</param>
/// <param name="Paused">Whether the session is paused (MD-7).</param>
/// <param name="StepRemainingSeconds">Seconds left in the step.</param>
public sealed record WandRoutineProgress(
    RoutineKind Routine, int StepIndex, int StepCount, BodyArea Area, int Level, PatternKind Pattern, bool InCue, bool Paused, int StepRemainingSeconds);

/// <summary>One finished session of the history (BP-6).</summary>
/// <param name="Index">0 for the newest.</param>
/// <param name="Start">Start time: local wall-clock time when <see cref="IsWallClock"/>, else time since boot.</param>
/// <param name="IsWallClock">Whether <see cref="Start"/> is wall-clock time.</param>
/// <param name="SinceBoot">Time since boot at the start when <see cref="IsWallClock"/> is false.</param>
/// <param name="DriveSeconds">Seconds the motor drove.</param>
/// <param name="Routine">The routine, or <see cref="RoutineKind.None"/> for a manual session.</param>
/// <param name="Head">The head in use.</param>
/// <param name="HighestLevel">Highest level driven, 0 to 5.</param>
/// <param name="StopReason">Why it ended.</param>
public sealed record WandHistoryEntry(
    int Index, DateTime? Start, bool IsWallClock, TimeSpan? SinceBoot, int DriveSeconds, RoutineKind Routine, HeadIdentity Head, int HighestLevel, StopReason StopReason);

/// <summary>The session history and today's total (BP-6).</summary>
/// <param name="TodayDriveSeconds">Today's total drive time, in seconds.</param>
/// <param name="Entries">The entries, newest first.</param>
public sealed record WandHistory(int TodayDriveSeconds, IReadOnlyList<WandHistoryEntry> Entries);
