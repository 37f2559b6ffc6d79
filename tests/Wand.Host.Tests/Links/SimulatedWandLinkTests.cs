using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Host.Links.Simulated;
using Wand.Protocol.Host;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Host.Tests.Links;

public class SimulatedWandLinkTests
{
    private static readonly Guid ControlPoint = WandProfile.Characteristic(WandProfile.ControlPointIndex).Uuid.ToGuid();
    private static readonly Guid Status = WandProfile.Characteristic(WandProfile.StatusIndex).Uuid.ToGuid();
    private static readonly Guid Calibration = WandProfile.Characteristic(WandProfile.CalibrationIndex).Uuid.ToGuid();

    [Fact]
    public async Task StartThroughTheControlPoint_RunsTheRealFirmwareAndNotifiesTheResult()
    {
        await using SimulatedWandLink link = new();
        ConcurrentQueue<CharacteristicNotificationEventArgs> notifications = new();
        link.NotificationReceived += (_, args) => notifications.Enqueue(args);
        await link.ConnectAsync();
        await link.SubscribeAsync(ControlPoint, true);
        await link.SubscribeAsync(Status, true);

        await link.WriteAsync(ControlPoint, Start(3, PatternKind.Continuous, 120), WriteKind.WithResponse);
        await link.World!.AdvanceAsync(2000);

        StatusReport status = await ReadStatus(link);
        Assert.Equal(SessionState.Running, status.State);
        Assert.Equal(3, status.TargetLevel);
        Assert.Equal(30, status.DriveLevelTenths);
        Assert.Contains(notifications, n => n.Characteristic == ControlPoint && n.Value.Span[1] == (byte)CommandResult.Success);
        Assert.Contains(notifications, n => n.Characteristic == Status);
    }

    [Fact]
    public async Task RefusedStart_IsAnAttErrorAndChangesNothing()
    {
        await using SimulatedWandLink link = new(new SimulatedWandOptions { UsbPlugged = true });
        await link.ConnectAsync();
        AttErrorException error = await Assert.ThrowsAsync<AttErrorException>(() => link.WriteAsync(ControlPoint, Start(2, PatternKind.Continuous, 120), WriteKind.WithResponse));
        Assert.Equal(CommandRefusal.Base + (int)CommandResult.Charging, error.ErrorCode);
        Assert.Contains("USB", error.Message, StringComparison.Ordinal);
        Assert.Equal(SessionState.Idle, (await ReadStatus(link)).State);
    }

    [Fact]
    public async Task DetachingTheHead_StopsTheSession()
    {
        await using SimulatedWandLink link = new();
        await link.ConnectAsync();
        await link.WriteAsync(ControlPoint, Start(2, PatternKind.Continuous, 120), WriteKind.WithResponse);
        await link.World!.AdvanceAsync(1000);
        await link.World.SetHeadResistorAsync(null);
        await link.World.AdvanceAsync(40);
        StatusReport status = await ReadStatus(link);
        Assert.Equal(SessionState.Idle, status.State);
        Assert.Equal(StopReason.Fault, status.LastStopReason);
        Assert.Equal(0, status.DriveLevelTenths);
    }

    [Fact]
    public async Task SR11_DisconnectingStopsARemoteSessionWithinTwoSeconds()
    {
        await using SimulatedWandLink link = new();
        await link.ConnectAsync();
        await link.WriteAsync(ControlPoint, Start(5, PatternKind.Continuous, 300), WriteKind.WithResponse);
        await link.World!.AdvanceAsync(2000);
        await link.DisconnectAsync();
        await link.World.AdvanceAsync(2000);
        Assert.Equal(0.0, link.Wand.Board.MotorOutput.DutyCycle);
        Assert.Equal(StopReason.LinkLost, link.Wand.Controller!.LastStopReason);
    }

    [Fact]
    public async Task FactoryServiceIsRefusedOutsideFactoryMode()
    {
        await using SimulatedWandLink link = new();
        await link.ConnectAsync();
        AttErrorException error = await Assert.ThrowsAsync<AttErrorException>(() => link.ReadAsync(Calibration));
        Assert.Equal((byte)AttError.InsufficientAuthorization, error.ErrorCode);

        await using SimulatedWandLink factory = new(new SimulatedWandOptions { FactoryMode = true });
        await factory.ConnectAsync();
        byte[] record = await factory.ReadAsync(Calibration);
        Assert.Equal(Wand.Protocol.Factory.CalibrationRecord.Length, record.Length);
    }

    [Fact]
    public async Task UncalibratedUnit_ReportsCalibrationInvalidAndAllowsOnlyTwoLevels()
    {
        await using SimulatedWandLink link = new(new SimulatedWandOptions { Calibrated = false });
        await link.ConnectAsync();
        Assert.True((await ReadStatus(link)).Flags.HasFlag(StatusIndicators.CalibrationInvalid));
        AttErrorException error = await Assert.ThrowsAsync<AttErrorException>(() => link.WriteAsync(ControlPoint, Start(3, PatternKind.Continuous, 120), WriteKind.WithResponse));
        Assert.Equal(CommandRefusal.Base + (int)CommandResult.LevelNotAllowed, error.ErrorCode);
    }

    [Fact]
    public async Task WorldControlRefusesOutOfRangeValues()
    {
        await using SimulatedWandLink link = new();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => link.World!.SetBatteryAsync(5.0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => link.World!.SetTemperatureAsync(120));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => link.World!.PressButtonAsync(5));
    }

    private static byte[] Start(int level, PatternKind pattern, int seconds)
    {
        ControlPointCommand command = new();
        command.SetStart(level, pattern, seconds);
        byte[] buffer = new byte[ControlPointCommand.MaximumLength];
        int length = command.Encode(buffer, 0);
        return buffer.AsSpan(0, length).ToArray();
    }

    private static async Task<StatusReport> ReadStatus(IWandLink link)
    {
        byte[] value = await link.ReadAsync(Status);
        StatusReport status = new();
        Assert.Equal(AttError.Success, status.Decode(value, 0, value.Length));
        return status;
    }
}
