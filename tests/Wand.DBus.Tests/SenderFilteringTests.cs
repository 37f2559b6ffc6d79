using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Wand.DBus.Tests;

/// <summary>
/// A rule naming a well-known sender accepts signals only from that name's current owner, followed through
/// NameOwnerChanged: another connection on the bus emitting the same signal is ignored (the class of GLib
/// CVE-2024-34397, fixed in Tmds.DBus as GHSA-xrw6-gwf8-vvr9).
/// </summary>
public sealed class SenderFilteringTests(PrivateBus bus) : IClassFixture<PrivateBus>
{
    private const string Service = "org.example.WandService";
    private static readonly ObjectPath Emitter = new("/org/example/wand0");
    private static readonly ObjectPath BusPath = new("/org/freedesktop/DBus");

    [Fact]
    public async Task Signal_FromAnotherConnection_IsNotDelivered_OwnersIs()
    {
        await using DBusConnection owner = await OwnAsync();
        await using DBusConnection impostor = await DBusConnection.ConnectAsync(bus.Address);
        await using DBusConnection listener = await DBusConnection.ConnectAsync(bus.Address);
        BlockingCollection<string> filtered = [];
        BlockingCollection<string> unfiltered = [];
        using IDisposable fromOwner = await listener.SubscribeAsync(Rule(Service), signal => filtered.Add((string)signal.Body[0]));
        using IDisposable fromAnyone = await listener.SubscribeAsync(Rule(null), signal => unfiltered.Add((string)signal.Body[0]));

        await EmitAndSettleAsync(impostor, "spoofed");
        await EmitAndSettleAsync(owner, "genuine");

        // Both reached the listener's connection in this order; only the owner's passed the sender filter.
        Assert.Equal("spoofed", Take(unfiltered));
        Assert.Equal("genuine", Take(unfiltered));
        Assert.Equal("genuine", Take(filtered));
        Assert.Empty(filtered);
    }

    [Fact]
    public async Task OwnerChange_IsFollowed_TheFormerOwnerIsIgnored()
    {
        DBusConnection first = await OwnAsync();
        await using DBusConnection listener = await DBusConnection.ConnectAsync(bus.Address);
        BlockingCollection<string> filtered = [];
        using IDisposable subscription = await listener.SubscribeAsync(Rule(Service), signal => filtered.Add((string)signal.Body[0]));
        using BusNameOwner watcher = await listener.WatchNameOwnerAsync(Service);
        CancellationToken changed = await watcher.OwnerChangedAsync();
        Assert.Equal(first.UniqueName, watcher.UniqueName);
        await EmitAndSettleAsync(first, "first");
        Assert.Equal("first", Take(filtered));

        await first.CallMethodAsync(DBusConnection.BusName, BusPath, DBusConnection.BusName, "ReleaseName", "s", Service);
        await using DBusConnection second = await OwnAsync();
        await Task.Delay(Timeout.InfiniteTimeSpan, changed).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(10));
        await EmitAndSettleAsync(first, "former owner");
        await EmitAndSettleAsync(second, "second");

        Assert.Equal("second", Take(filtered));
        Assert.Empty(filtered);
        Assert.Equal(second.UniqueName, watcher.UniqueName);
        await first.DisposeAsync();
    }

    private static MatchRule Rule(string? sender) => new() { Sender = sender, Interface = "org.example.Wand", Member = "Changed", PathNamespace = new ObjectPath("/org/example") };

    private static string Take(BlockingCollection<string> signals) =>
        signals.TryTake(out string? value, TimeSpan.FromSeconds(10)) ? value : throw new TimeoutException("No signal arrived.");

    /// <summary>Emits, then makes a round trip to the bus daemon: the daemon handles one connection's messages in
    /// order, so when the reply arrives the signal has been routed to every listener.</summary>
    private static async Task EmitAndSettleAsync(DBusConnection sender, string text)
    {
        sender.EmitSignal(Emitter, "org.example.Wand", "Changed", "s", text);
        await sender.CallMethodAsync(DBusConnection.BusName, BusPath, DBusConnection.BusName, "GetId");
    }

    private async Task<DBusConnection> OwnAsync()
    {
        DBusConnection connection = await DBusConnection.ConnectAsync(bus.Address);
        // RequestName flags 4 = DBUS_NAME_FLAG_DO_NOT_QUEUE; reply 1 = primary owner (D-Bus specification, RequestName).
        Assert.Equal(1u, (await connection.CallMethodAsync(DBusConnection.BusName, BusPath, DBusConnection.BusName, "RequestName", "su", Service, 4u))[0]);
        return connection;
    }
}
