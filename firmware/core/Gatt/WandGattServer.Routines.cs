using Wand.Core.History;
using Wand.Core.Routines;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Core.Gatt
{
    /// <summary>
    /// Protocol 1.1 (BP-7): routine progress and catalog (MD-6), the session history pages (BP-6) and the Current Time
    /// Service. Writes are validated before anything changes (BP-3, SR-14); nothing here allocates.
    /// </summary>
    public sealed partial class WandGattServer
    {
        private readonly RoutineProgress routineProgress = new RoutineProgress();
        private readonly RoutineCatalogPage catalogPage = new RoutineCatalogPage();
        private readonly SessionHistoryPage historyPage = new SessionHistoryPage();
        private readonly CurrentTime currentTime = new CurrentTime();
        private readonly byte[] lastRoutine = new byte[WandProfile.MaximumValueLength];
        private int lastRoutineLength = -1;
        private long lastRoutineTime = long.MinValue / 2;
        private RoutineKind catalogRoutine = RoutineKind.InfantFullBody;
        private int catalogFirstStep;
        private int historyPageFirst;

        private void PollRoutine(long now)
        {
            PollOne(WandProfile.RoutineIndex, now, lastRoutine, ref lastRoutineLength, ref lastRoutineTime, WandProfile.StatusNotifyIntervalMilliseconds, 0, false);
        }

        private void FillRoutineProgress()
        {
            RoutinePlayer player = controller.RoutineProgress;
            Routine routine = player.Routine;
            routineProgress.Paused = controller.IsPaused;
            if (routine == null)
            {
                routineProgress.Routine = RoutineKind.None;
                routineProgress.StepIndex = 0;
                routineProgress.StepCount = 0;
                routineProgress.Area = BodyArea.None;
                routineProgress.Level = 0;
                routineProgress.Pattern = PatternKind.Continuous;
                routineProgress.Phase = RoutineProgress.PhaseNone;
                routineProgress.StepRemainingSeconds = 0;
                return;
            }

            routineProgress.Routine = routine.Kind;
            routineProgress.StepIndex = player.StepIndex;
            routineProgress.StepCount = routine.StepCount;
            routineProgress.Area = player.StepArea();
            routineProgress.Level = routine.LevelAt(player.StepIndex);
            routineProgress.Pattern = routine.PatternAt(player.StepIndex);
            routineProgress.Phase = player.InCue ? RoutineProgress.PhaseCue : RoutineProgress.PhaseStep;
            routineProgress.StepRemainingSeconds = (int)((player.StepRemainingMilliseconds + 999) / 1000);
        }

        private void FillCatalogPage()
        {
            Routine routine = controller.Routines.Find(catalogRoutine);
            int first = catalogFirstStep < routine.StepCount ? catalogFirstStep : 0;
            catalogPage.Clear(routine.Kind, routine.StepCount, routine.TotalSeconds, first);
            for (int step = first; step < routine.StepCount; step++)
            {
                if (!catalogPage.Add(routine.AreaAt(step), routine.SecondsAt(step), routine.PatternAt(step), routine.LevelAt(step)))
                {
                    break;
                }
            }
        }

        private void FillHistoryPage()
        {
            SessionHistory history = controller.History;
            int count = history.Count;
            int first = historyPageFirst < count ? historyPageFirst : 0;
            historyPage.Clear(count, first, controller.TodayDriveSeconds());
            for (int age = first; age < count; age++)
            {
                if (!historyPage.Add(history.TimeAt(age), history.IsWallClockAt(age), history.DriveSecondsAt(age), history.HighestLevelAt(age), history.RoutineAt(age), history.HeadAt(age), history.StopReasonAt(age)))
                {
                    break;
                }
            }
        }

        private int EncodeCurrentTime(byte[] buffer)
        {
            WallClock clock = controller.WallClock;
            if (!clock.IsKnown)
            {
                // Year, month and day 0 mean "not known" in the Date Time field.
                for (int index = 0; index < CurrentTime.Length; index++)
                {
                    buffer[index] = 0;
                }

                return CurrentTime.Length;
            }

            currentTime.SetLocalSeconds(clock.LocalSecondsAt(controller.MillisecondsSinceBoot), 0);
            return currentTime.Encode(buffer, 0);
        }

        private AttError ApplyCatalogSelection(byte[] value, int length)
        {
            RoutineKind routine;
            int firstStep;
            AttError decoded = RoutineCatalogPage.DecodeSelection(value, 0, length, out routine, out firstStep);
            if (decoded != AttError.Success)
            {
                return decoded;
            }

            Routine found = controller.Routines.Find(routine);
            if (found == null)
            {
                return AttError.RoutineUnknown;
            }

            if (firstStep >= found.StepCount)
            {
                return AttError.PageOutOfRange;
            }

            catalogRoutine = routine;
            catalogFirstStep = firstStep;
            return AttError.Success;
        }

        private AttError ApplyHistorySelection(byte[] value, int length)
        {
            int first;
            AttError decoded = SessionHistoryPage.DecodeSelection(value, 0, length, out first);
            if (decoded != AttError.Success)
            {
                return decoded;
            }

            historyPageFirst = first;
            return AttError.Success;
        }

        private AttError ApplyCurrentTime(byte[] value, int length)
        {
            AttError decoded = currentTime.Decode(value, 0, length);
            if (decoded != AttError.Success)
            {
                return decoded;
            }

            controller.SetWallClock(currentTime.LocalSeconds);

            // Stored, then notified (BP-3), as the Current Time Service expects after a change.
            int encoded = EncodeCurrentTime(scratch);
            NotifyIfSubscribed(WandProfile.CurrentTimeIndex, scratch, encoded);
            return AttError.Success;
        }

        private StatusIndicators RoutineIndicators()
        {
            StatusIndicators flags = StatusIndicators.None;
            if (controller.IsPaused)
            {
                flags |= StatusIndicators.Paused;
            }

            if (controller.RoutineProgress.IsPlaying)
            {
                flags |= StatusIndicators.RoutineActive;
            }

            return flags;
        }
    }
}
