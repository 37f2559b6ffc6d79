using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.DBus;
using Wand.Host.Links.Ble;
using Xunit;

namespace Wand.Ble.Tests;

/// <summary>The pairing agent answers BlueZ's Agent1 calls; here a second bus client plays BlueZ.</summary>
[Collection(TestBedGroup.Name)]
public sealed class AgentTests(TestBed bed)
{
    [Fact]
    public async Task Agent_JustWorksForOurDeviceOnly_PasskeysRejected()
    {
        ObjectPath ours = new("/org/bluez/hci0/dev_CC_00_00_00_00_01");
        await using BlueZSession session = await BlueZSession.OpenAsync(bed.BusAddress, CancellationToken.None);
        await using BlueZAgent agent = await BlueZAgent.RegisterAsync(session, ours, TimeSpan.FromSeconds(5), CancellationToken.None);
        await using DBusConnection bluez = await DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress));

        Assert.True(agent.Registered);
        await bluez.CallAsync(AgentCall(session, agent, "RequestAuthorization", "o", ours));
        await bluez.CallAsync(AgentCall(session, agent, "RequestConfirmation", "ou", ours, 123456u));
        DBusErrorException other = await Assert.ThrowsAsync<DBusErrorException>(() => bluez.CallAsync(AgentCall(session, agent, "RequestAuthorization", "o", new ObjectPath("/org/bluez/hci0/dev_CC_00_00_00_00_02"))));
        Assert.Equal("org.bluez.Error.Rejected", other.ErrorName);
        DBusErrorException passkey = await Assert.ThrowsAsync<DBusErrorException>(() => bluez.CallAsync(AgentCall(session, agent, "RequestPasskey", "o", ours)));
        Assert.Equal("org.bluez.Error.Rejected", passkey.ErrorName);
    }

    [Fact]
    public async Task Connection_NoReply_TimesOut()
    {
        await using DBusConnection first = await DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress));
        using IDisposable export = first.ExportObject(new ObjectPath("/slow"), async call =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            return DBusReplies.Return(call);
        });
        await using DBusConnection second = await DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress));

        await Assert.ThrowsAsync<DBusTimeoutException>(() =>
            second.CallAsync(DBusMessage.MethodCall(first.UniqueName, new ObjectPath("/slow"), "x.y", "Z"), TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Connection_HandlerThatThrows_AnswersWithFailedError()
    {
        await using DBusConnection first = await DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress));
        using IDisposable export = first.ExportObject(new ObjectPath("/broken"), _ => throw new InvalidCastException("bad argument"));
        await using DBusConnection second = await DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress));

        DBusErrorException error = await Assert.ThrowsAsync<DBusErrorException>(() =>
            second.CallAsync(DBusMessage.MethodCall(first.UniqueName, new ObjectPath("/broken"), "x.y", "Z"), TimeSpan.FromSeconds(5)));

        Assert.Equal("org.freedesktop.DBus.Error.Failed", error.ErrorName);
        Assert.Contains("bad argument", error.ErrorMessage, StringComparison.Ordinal);
    }

    private static DBusMessage AgentCall(BlueZSession session, BlueZAgent agent, string member, string signature, params object[] arguments) =>
        DBusMessage.MethodCall(session.Connection.UniqueName, agent.Path, "org.bluez.Agent1", member, signature, arguments);
}
