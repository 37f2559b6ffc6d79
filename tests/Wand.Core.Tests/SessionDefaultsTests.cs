using Wand.Core.Board;
using Wand.Core.Hardware;
using Wand.Core.Sessions;
using Wand.Core.Tests.Fakes;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Core.Tests;

/// <summary>
/// The stored session defaults: accepted only within the session rules (SR-5, SR-14), refused whole otherwise, and kept
/// across a reboot; a missing or unreadable record leaves the product defaults.
/// </summary>
public class SessionDefaultsTests
{
    [Theory]
    [InlineData(SafetyLimits.MinimumSessionSeconds - 1, 1, PatternKind.Continuous, CommandResult.OutOfRange)]
    [InlineData(SafetyLimits.MinimumSessionSeconds, 1, PatternKind.Continuous, CommandResult.Success)]
    [InlineData(SafetyLimits.DefaultMaximumSessionSeconds, 1, PatternKind.Continuous, CommandResult.Success)]
    [InlineData(SafetyLimits.DefaultMaximumSessionSeconds + 1, 1, PatternKind.Continuous, CommandResult.OutOfRange)]
    [InlineData(600, 0, PatternKind.Continuous, CommandResult.OutOfRange)]
    [InlineData(600, SafetyLimits.LevelCount, PatternKind.Continuous, CommandResult.Success)]
    [InlineData(600, SafetyLimits.LevelCount + 1, PatternKind.Continuous, CommandResult.OutOfRange)]
    [InlineData(600, 2, PatternKind.Heartbeat, CommandResult.Success)]
    [InlineData(600, 2, PatternKind.Heartbeat + 1, CommandResult.OutOfRange)]
    public void SR5_SR14_DefaultsAreAcceptedOnlyWithinTheSessionRulesAndRefusedWhole(int seconds, int level, PatternKind pattern, CommandResult expected)
    {
        SessionDefaults defaults = new();
        Assert.Equal(SafetyLimits.DefaultSessionSeconds, defaults.DurationSeconds);
        Assert.Equal(1, defaults.DefaultLevel);
        Assert.Equal(PatternKind.Continuous, defaults.DefaultPattern);

        Assert.Equal(expected, defaults.TrySet(seconds, level, pattern, new SafetyLimits()));

        bool accepted = expected == CommandResult.Success;
        Assert.Equal(accepted ? seconds : SafetyLimits.DefaultSessionSeconds, defaults.DurationSeconds);
        Assert.Equal(accepted ? level : 1, defaults.DefaultLevel);
        Assert.Equal(accepted ? pattern : PatternKind.Continuous, defaults.DefaultPattern);
    }

    [Fact]
    public void SR5_DefaultsAboveABoardsLowerMaximumAreRefused()
    {
        SafetyLimits limits = new();
        Assert.True(limits.TryTightenMaximumSessionSeconds(300));
        SessionDefaults defaults = new();

        Assert.Equal(CommandResult.OutOfRange, defaults.TrySet(301, 1, PatternKind.Continuous, limits));
        Assert.Equal(CommandResult.Success, defaults.TrySet(300, 1, PatternKind.Continuous, limits));
    }

    [Fact]
    public void SR5_StoredDefaultsSurviveARebootAndAreCheckedAgainstTheLimitsOnLoad()
    {
        FakeStorage storage = new();
        SessionDefaults saved = new();
        saved.TrySet(900, 3, PatternKind.Wave, new SafetyLimits());
        Assert.True(new SettingsStore(storage).Save(saved));

        SessionDefaults loaded = new();
        Assert.True(new SettingsStore(storage).TryLoad(loaded, new SafetyLimits()));
        Assert.Equal(900, loaded.DurationSeconds);
        Assert.Equal(3, loaded.DefaultLevel);
        Assert.Equal(PatternKind.Wave, loaded.DefaultPattern);

        SafetyLimits stricter = new();
        stricter.TryTightenMaximumSessionSeconds(600);
        SessionDefaults refused = new();
        Assert.False(new SettingsStore(storage).TryLoad(refused, stricter));
        Assert.Equal(SafetyLimits.DefaultSessionSeconds, refused.DurationSeconds);
    }

    [Fact]
    public void SR5_AMissingOrUnreadableRecordLeavesTheProductDefaults()
    {
        FakeStorage storage = new();
        SessionDefaults defaults = new();
        Assert.False(new SettingsStore(storage).TryLoad(defaults, new SafetyLimits()));

        storage.Put(StorageSlot.Settings, new byte[] { 0xFF, 0xFF, 0xFF });
        Assert.False(new SettingsStore(storage).TryLoad(defaults, new SafetyLimits()));
        Assert.Equal(SafetyLimits.DefaultSessionSeconds, defaults.DurationSeconds);

        storage.FailWrites = true;
        Assert.False(new SettingsStore(storage).Save(defaults));
    }
}
