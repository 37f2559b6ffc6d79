using System.Collections.Generic;
using System.Linq;
using Wand.Core.History;
using Wand.Core.Platform;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Firmware.Tests;

/// <summary>
/// BP-6: the session history is written once per session and survives a power loss at any point of that write. The
/// device stores it through <see cref="AlternatingRecordStore"/> on flash files; here the file system is cut after every
/// possible number of bytes of the one file write a session end makes, and the wand then boots again.
/// </summary>
public class SessionHistoryPowerLossTests
{
    private static bool AppendSession(SessionHistory history, int number) =>
        history.Append(1000 + number, number % 2 == 0, 60 + number, (RoutineKind)(number % 5), (HeadIdentity)(1 + (number % 3)), 1 + (number % 5), (StopReason)(1 + (number % 8)));

    private static void AssertSession(SessionHistory history, int age, int number)
    {
        Assert.Equal(1000u + (uint)number, history.TimeAt(age));
        Assert.Equal(number % 2 == 0, history.IsWallClockAt(age));
        Assert.Equal(60 + number, history.DriveSecondsAt(age));
        Assert.Equal((RoutineKind)(number % 5), history.RoutineAt(age));
        Assert.Equal((HeadIdentity)(1 + (number % 3)), history.HeadAt(age));
        Assert.Equal(1 + (number % 5), history.HighestLevelAt(age));
        Assert.Equal((StopReason)(1 + (number % 8)), history.StopReasonAt(age));
    }

    private static TearableFiles Copy(TearableFiles files)
    {
        TearableFiles copy = new();
        foreach (KeyValuePair<string, byte[]> file in files.Files)
        {
            copy.Files[file.Key] = (byte[])file.Value.Clone();
        }

        return copy;
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(40)]
    public void BP6_APowerLossAtEveryByteOfTheSessionWrite_LosesAtMostThatSession(int recorded)
    {
        TearableFiles files = new();
        SessionHistory history = new(new AlternatingRecordStore(files));
        for (int number = 1; number <= recorded; number++)
        {
            Assert.True(AppendSession(history, number));
        }

        int frameLength = AlternatingRecordStore.HeaderLength + SessionHistory.BlockLength;
        int kept = System.Math.Min(recorded, SessionHistory.Capacity);
        int newestKept = 0;
        for (int cut = 0; cut <= frameLength; cut++)
        {
            TearableFiles torn = Copy(files);
            SessionHistory beforeLoss = new(new AlternatingRecordStore(torn));
            Assert.Equal(kept, beforeLoss.Count);
            int writesBefore = torn.Files.Count;
            torn.TearNextWriteAfterBytes = cut;
            AppendSession(beforeLoss, recorded + 1);

            // Power comes back: the wand boots and loads the history from flash.
            SessionHistory afterLoss = new(new AlternatingRecordStore(torn));
            bool newSessionKept = afterLoss.NewestSequence == (uint)(recorded + 1);
            int expectedCount = newSessionKept ? System.Math.Min(recorded + 1, SessionHistory.Capacity) : kept;
            Assert.Equal(expectedCount, afterLoss.Count);
            int newest = newSessionKept ? recorded + 1 : recorded;
            for (int age = 0; age < afterLoss.Count; age++)
            {
                AssertSession(afterLoss, age, newest - age);
            }

            if (newSessionKept)
            {
                newestKept++;
            }

            // The next session after the loss is stored normally.
            AppendSession(afterLoss, newest + 1);
            SessionHistory afterNext = new(new AlternatingRecordStore(torn));
            AssertSession(afterNext, 0, newest + 1);
            Assert.True(torn.Files.Count >= writesBefore);
        }

        // Only the untorn write keeps the new session: a torn frame never reads back as a session.
        Assert.Equal(1, newestKept);
    }

    [Fact]
    public void BP6_OneSessionEndIsOneFileWrite()
    {
        CountingFiles files = new();
        SessionHistory history = new(new AlternatingRecordStore(files));
        for (int number = 1; number <= 40; number++)
        {
            AppendSession(history, number);
        }

        Assert.Equal(40, files.Writes);
        Assert.Equal(SessionHistory.Capacity, new SessionHistory(new AlternatingRecordStore(files)).Count);
        Assert.Equal(8, files.Inner.Files.Keys.Count(name => name.StartsWith("history", System.StringComparison.Ordinal)));
    }

    private sealed class CountingFiles : IRecordFiles
    {
        public TearableFiles Inner { get; } = new();

        public int Writes { get; private set; }

        public int Read(string name, byte[] buffer) => Inner.Read(name, buffer);

        public bool Write(string name, byte[] data, int length)
        {
            Writes++;
            return Inner.Write(name, data, length);
        }
    }
}
