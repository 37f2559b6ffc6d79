using System;
using System.Threading.Tasks;
using Wand.Host.Client;
using Wand.Host.Links;
using Wand.Host.Links.Simulated;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Host.Tests.Client;

/// <summary>The one control-point exchange that the client, plan steps and calibration share.</summary>
public sealed class ControlPointExchangeTests
{
    [Fact]
    public void ControlPoint_IsTheProfilesControlPointUuid()
    {
        Assert.Equal(WandProfile.ControlPointIndex, CharacteristicMap.TryIndexOf(ControlPointExchange.ControlPoint, out int index) ? index : -1);
    }

    [Fact]
    public async Task SendAsync_StartOnAVirtualWand_GivesTheNotifiedOutcome()
    {
        await using SimulatedWandLink link = new();
        await link.ConnectAsync();
        await link.SubscribeAsync(ControlPointExchange.ControlPoint, true);
        TaskCompletionSource<byte[]> result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        link.NotificationReceived += (_, args) =>
        {
            if (args.Characteristic == ControlPointExchange.ControlPoint)
            {
                result.TrySetResult(args.Value.ToArray());
            }
        };
        ControlPointCommand command = new();
        command.SetStart(2, PatternKind.Continuous, 120);

        CommandOutcome outcome = await ControlPointExchange.SendAsync(link, command, async token =>
        {
            await link.World!.AdvanceAsync(100, token);
            return await result.Task;
        }, 1000, default);

        Assert.Equal(ControlPointOpcode.StartSession, outcome.Opcode);
        Assert.Equal(CommandResult.Success, outcome.Result);
    }

    [Fact]
    public async Task SendAsync_NoResultInTime_IsAProtocolViolationNamingTheCommand()
    {
        await using SimulatedWandLink link = new();
        await link.ConnectAsync();
        ControlPointCommand command = new();
        command.SetStart(1, PatternKind.Continuous, 120);

        ProtocolViolationException exception = await Assert.ThrowsAsync<ProtocolViolationException>(
            () => ControlPointExchange.SendAsync(link, command, _ => Task.FromResult<byte[]?>(null), 250, default));

        Assert.Contains("StartSession", exception.Message);
        Assert.Contains("250 ms", exception.Message);
    }

    [Fact]
    public async Task SendAsync_ShortResult_IsAProtocolViolation()
    {
        await using SimulatedWandLink link = new();
        await link.ConnectAsync();
        ControlPointCommand command = new();
        command.SetStart(1, PatternKind.Continuous, 120);

        await Assert.ThrowsAsync<ProtocolViolationException>(
            () => ControlPointExchange.SendAsync(link, command, _ => Task.FromResult<byte[]?>([0x02]), 250, default));
    }
}
