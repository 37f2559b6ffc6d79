using System;
using System.Threading.Tasks;
using Wand.DBus;

namespace Wand.BleBed.Peripheral;

/// <summary>
/// The peripheral's org.bluez.Agent1 (NoInputNoOutput, BlueZ 5.66 doc/agent-api.txt): Just Works pairing, authorised
/// only while the wand's pairing window is open (BP-4). Passkeys and PIN codes are refused: the wand has no display
/// and no keypad.
/// </summary>
internal sealed class PairingAgent(Func<bool> pairingWindowOpen)
{
    /// <summary>The agent capability registered with AgentManager1.</summary>
    public const string Capability = "NoInputNoOutput";

    private const string AgentInterface = "org.bluez.Agent1";

    /// <summary>Answers one Agent1 call.</summary>
    /// <param name="call">The call from bluetoothd.</param>
    /// <returns>The reply.</returns>
    public Task<DBusMessage> HandleAsync(DBusMessage call)
    {
        if (call.Interface != AgentInterface)
        {
            return Task.FromResult(DBusReplies.Error(call, "org.freedesktop.DBus.Error.UnknownInterface", call.Interface ?? string.Empty));
        }

        DBusMessage reply = call.Member switch
        {
            "Release" or "Cancel" => DBusReplies.Return(call),
            "RequestAuthorization" or "RequestConfirmation" or "AuthorizeService" => pairingWindowOpen()
                ? DBusReplies.Return(call)
                : DBusReplies.Error(call, "org.bluez.Error.Rejected", "The wand's pairing window is closed: hold its button for 3 s."),
            _ => DBusReplies.Error(call, "org.bluez.Error.Rejected", "The wand pairs with Just Works only."),
        };
        return Task.FromResult(reply);
    }
}
