using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.DBus;

namespace Wand.Host.Links.Ble;

/// <summary>
/// A BlueZ pairing agent (<c>org.bluez.Agent1</c>, 5.66 <c>doc/agent-api.txt</c>) with capability NoInputNoOutput,
/// so pairing is Just Works. It authorizes and confirms only the one device it was created for and rejects every
/// request that needs a PIN or passkey (the wand has no display or keypad).
/// </summary>
internal sealed class BlueZAgent : IAsyncDisposable
{
    public const string Capability = "NoInputNoOutput";
    private const string AgentInterface = "org.bluez.Agent1";
    private const string RejectedError = "org.bluez.Error.Rejected";
    private static int instances;

    private readonly BlueZSession session;
    private readonly ObjectPath device;
    private readonly IDisposable export;

    private BlueZAgent(BlueZSession session, ObjectPath device, ObjectPath path)
    {
        this.session = session;
        this.device = device;
        Path = path;
        export = session.Connection.ExportObject(path, HandleAsync);
    }

    /// <summary>Gets the agent's object path.</summary>
    public ObjectPath Path { get; }

    /// <summary>Gets a value indicating whether BlueZ accepted the registration.</summary>
    public bool Registered { get; private set; }

    /// <summary>Exports an agent and registers it with BlueZ's AgentManager1.</summary>
    /// <param name="session">The BlueZ session.</param>
    /// <param name="device">The only device this agent accepts.</param>
    /// <param name="timeout">How long registration may take.</param>
    /// <param name="cancellationToken">Cancels registration.</param>
    /// <returns>The agent.</returns>
    public static async Task<BlueZAgent> RegisterAsync(BlueZSession session, ObjectPath device, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ObjectPath path = new($"/org/wandfirmware/agent{Environment.ProcessId}_{Interlocked.Increment(ref instances)}");
        BlueZAgent agent = new(session, device, path);
        try
        {
            await session.CallAsync(new ObjectPath("/org/bluez"), "org.bluez.AgentManager1", "RegisterAgent", timeout, cancellationToken, "os", path, Capability).ConfigureAwait(false);
            agent.Registered = true;
        }
        catch (DBusErrorException)
        {
            // Another agent (a desktop's) may serve instead; Pair() uses the default agent then.
        }

        return agent;
    }

    /// <summary>Answers one incoming Agent1 call.</summary>
    /// <param name="call">The call.</param>
    /// <returns>The reply.</returns>
    internal Task<DBusMessage> HandleAsync(DBusMessage call)
    {
        if (call.Interface is not (AgentInterface or null))
        {
            return Task.FromResult(DBusReplies.Error(call, "org.freedesktop.DBus.Error.UnknownInterface", $"{Path} implements only {AgentInterface}."));
        }

        bool forOurDevice = call.Body.Count > 0 && call.Body[0] is ObjectPath target && target == device;
        DBusMessage reply = call.Member switch
        {
            "Release" or "Cancel" => DBusReplies.Return(call),
            "RequestAuthorization" or "RequestConfirmation" or "AuthorizeService" when forOurDevice => DBusReplies.Return(call),
            "RequestAuthorization" or "RequestConfirmation" or "AuthorizeService" => DBusReplies.Error(call, RejectedError, "Only the wand being connected is accepted."),
            "RequestPinCode" or "RequestPasskey" or "DisplayPinCode" or "DisplayPasskey" => DBusReplies.Error(call, RejectedError, "The wand pairs with Just Works only; no PIN or passkey."),
            _ => DBusReplies.Error(call, "org.freedesktop.DBus.Error.UnknownMethod", $"{AgentInterface} has no method {call.Member}."),
        };
        return Task.FromResult(reply);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Registered && !session.Connection.Closed.IsCancellationRequested)
        {
            try
            {
                await session.CallAsync(new ObjectPath("/org/bluez"), "org.bluez.AgentManager1", "UnregisterAgent", TimeSpan.FromSeconds(2), CancellationToken.None, "o", Path).ConfigureAwait(false);
            }
            catch (DBusException)
            {
                // BlueZ drops the agent anyway when this client leaves the bus.
            }
        }

        export.Dispose();
    }
}
