using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Wand.DBus.Tests;

/// <summary>The connection against a real dbus-daemon: registration, calls, errors, signals, exported objects, timeouts.</summary>
public sealed class ConnectionTests(PrivateBus bus) : IClassFixture<PrivateBus>
{
    private static readonly ObjectPath BusPath = new("/org/freedesktop/DBus");

    [Fact]
    public async Task Connect_AuthenticatesAndGetsUniqueName()
    {
        await using DBusConnection connection = await DBusConnection.ConnectAsync(bus.Address);

        Assert.StartsWith(":", connection.UniqueName, StringComparison.Ordinal);
        var reply = await connection.CallMethodAsync(DBusConnection.BusName, BusPath, DBusConnection.BusName, "GetNameOwner", "s", DBusConnection.BusName);
        Assert.Equal(DBusConnection.BusName, reply[0]);
    }

    [Fact]
    public async Task Call_ErrorReply_IsTypedException()
    {
        await using DBusConnection connection = await DBusConnection.ConnectAsync(bus.Address);

        DBusErrorException error = await Assert.ThrowsAsync<DBusErrorException>(() =>
            connection.CallMethodAsync(DBusConnection.BusName, BusPath, DBusConnection.BusName, "GetNameOwner", "s", "org.example.Nobody"));

        Assert.Equal("org.freedesktop.DBus.Error.NameHasNoOwner", error.ErrorName);
    }

    [Fact]
    public async Task Signal_ThroughMatchRule_IsDelivered()
    {
        await using DBusConnection listener = await DBusConnection.ConnectAsync(bus.Address);
        TaskCompletionSource<DBusMessage> received = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable subscription = await listener.SubscribeAsync(
            new MatchRule { Interface = "org.example.Wand", Member = "Changed", PathNamespace = new ObjectPath("/org/example") },
            message => received.TrySetResult(message));
        await using DBusConnection sender = await DBusConnection.ConnectAsync(bus.Address);

        sender.EmitSignal(new ObjectPath("/org/example/wand0"), "org.example.Wand", "Changed", "su", "level", 3u);

        DBusMessage signal = await received.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(sender.UniqueName, signal.Sender);
        Assert.Equal(new object[] { "level", 3u }, signal.Body);
    }

    [Fact]
    public async Task ExportedObject_AnswersCallsFromAnotherConnection()
    {
        await using DBusConnection server = await DBusConnection.ConnectAsync(bus.Address);
        using IDisposable export = server.ExportObject(new ObjectPath("/echo"), call => Task.FromResult(DBusReplies.Return(call, "ay", call.Body[0])));
        await using DBusConnection client = await DBusConnection.ConnectAsync(bus.Address);

        var reply = await client.CallMethodAsync(server.UniqueName, new ObjectPath("/echo"), "org.example.Echo", "Echo", "ay", new byte[] { 1, 2, 3 });

        Assert.Equal(new byte[] { 1, 2, 3 }, reply[0]);
    }

    [Fact]
    public async Task Call_NoReply_TimesOut()
    {
        await using DBusConnection server = await DBusConnection.ConnectAsync(bus.Address);
        TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable export = server.ExportObject(new ObjectPath("/slow"), async call =>
        {
            await release.Task;
            return DBusReplies.Return(call);
        });
        await using DBusConnection client = await DBusConnection.ConnectAsync(bus.Address);

        await Assert.ThrowsAsync<DBusTimeoutException>(() =>
            client.CallAsync(DBusMessage.MethodCall(server.UniqueName, new ObjectPath("/slow"), "x.y", "Z"), TimeSpan.FromMilliseconds(100)));
        release.SetResult();
    }

    [Fact]
    public async Task ExportedObject_HandlerThatThrows_AnswersWithFailedError()
    {
        await using DBusConnection server = await DBusConnection.ConnectAsync(bus.Address);
        using IDisposable export = server.ExportObject(new ObjectPath("/broken"), _ => throw new InvalidCastException("bad argument"));
        await using DBusConnection client = await DBusConnection.ConnectAsync(bus.Address);

        DBusErrorException error = await Assert.ThrowsAsync<DBusErrorException>(() =>
            client.CallAsync(DBusMessage.MethodCall(server.UniqueName, new ObjectPath("/broken"), "x.y", "Z")));

        Assert.Equal("org.freedesktop.DBus.Error.Failed", error.ErrorName);
        Assert.Contains("bad argument", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportedObject_HandlerCallingOutOnTheBus_IsAnswered()
    {
        await using DBusConnection server = await DBusConnection.ConnectAsync(bus.Address);
        using IDisposable export = server.ExportObject(new ObjectPath("/relay"), async call =>
        {
            IReadOnlyList<object> id = await server.CallMethodAsync(DBusConnection.BusName, BusPath, DBusConnection.BusName, "GetId");
            return DBusReplies.Return(call, "s", id[0]);
        });
        await using DBusConnection client = await DBusConnection.ConnectAsync(bus.Address);

        IReadOnlyList<object> reply = await client.CallMethodAsync(server.UniqueName, new ObjectPath("/relay"), "x.y", "Z");

        Assert.Equal(32, ((string)reply[0]).Length);
    }

    [Fact]
    public async Task Call_Cancelled_ThrowsOperationCanceled()
    {
        await using DBusConnection server = await DBusConnection.ConnectAsync(bus.Address);
        TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable export = server.ExportObject(new ObjectPath("/never"), async call =>
        {
            await release.Task;
            return DBusReplies.Return(call);
        });
        await using DBusConnection client = await DBusConnection.ConnectAsync(bus.Address);
        using CancellationTokenSource cancel = new();

        Task call = client.CallAsync(DBusMessage.MethodCall(server.UniqueName, new ObjectPath("/never"), "x.y", "Z"), cancellationToken: cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        release.SetResult();
    }

    [Fact]
    public async Task Call_AfterDispose_FailsWithConnectionError()
    {
        DBusConnection connection = await DBusConnection.ConnectAsync(bus.Address);
        await connection.DisposeAsync();

        await Assert.ThrowsAsync<DBusConnectionException>(() =>
            connection.CallAsync(DBusMessage.MethodCall(DBusConnection.BusName, BusPath, DBusConnection.BusName, "GetId")));
        Assert.True(connection.Closed.IsCancellationRequested);
    }

    [Fact]
    public async Task Connect_NoSocket_NamesTheAddress()
    {
        DBusConnectionException error = await Assert.ThrowsAsync<DBusConnectionException>(() =>
            DBusConnection.ConnectAsync(DBusAddress.Parse("unix:path=/nonexistent/bus.sock")));

        Assert.Contains("/nonexistent/bus.sock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemBus_HonoursEnvironmentVariable()
    {
        string? saved = Environment.GetEnvironmentVariable(DBusAddress.SystemBusVariable);
        try
        {
            Environment.SetEnvironmentVariable(DBusAddress.SystemBusVariable, "unix:path=/tmp/elsewhere.sock");
            Assert.Equal("/tmp/elsewhere.sock", DBusAddress.SystemBus().EndPoints[0].ToString());
            Environment.SetEnvironmentVariable(DBusAddress.SystemBusVariable, null);
            Assert.Equal("/var/run/dbus/system_bus_socket", DBusAddress.SystemBus().EndPoints[0].ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(DBusAddress.SystemBusVariable, saved);
        }
    }
}
