using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Host.Client;

/// <summary>
/// The control point's request and response (PROFILE.md §6.1), the one implementation that the typed client, plan
/// steps and calibration share: the command is encoded and written with response; the wand either refuses the write
/// with an ATT error (thrown as <see cref="AttErrorException"/>: 0x81–0x83 for values, 0x90 + result for a refusal by
/// device state) or accepts it and notifies the result on the control point.
/// </summary>
public static class ControlPointExchange
{
    /// <summary>Gets the control point's UUID.</summary>
    public static Guid ControlPoint { get; } = CharacteristicMap.UuidOf(WandProfile.ControlPointIndex);

    /// <summary>Sends a command and waits for its result notification.</summary>
    /// <param name="link">The connected link; notifications of the control point must already be enabled.</param>
    /// <param name="command">The command.</param>
    /// <param name="waitForResult">
    /// Waits for the control point's next notification after the write and gives its value, or <c>null</c> when none
    /// came in time. Arm it before calling (a result may arrive before the write completes); the caller's clock applies:
    /// the wall clock for a client, device time for a plan step on a virtual wand.
    /// </param>
    /// <param name="timeoutMilliseconds">The wait <paramref name="waitForResult"/> applies, in milliseconds, for the message.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The outcome as the wand notified it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The command has no valid opcode.</exception>
    /// <exception cref="AttErrorException">The wand refused the write.</exception>
    /// <exception cref="ProtocolViolationException">No result came in time, or it does not fit the profile.</exception>
    public static async Task<CommandOutcome> SendAsync(
        IWandLink link,
        ControlPointCommand command,
        Func<CancellationToken, Task<byte[]?>> waitForResult,
        long timeoutMilliseconds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(waitForResult);
        byte[] bytes = new byte[ControlPointCommand.MaximumLength];
        int length = command.Encode(bytes, 0);
        if (length == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(command), command.Opcode, "The command has no control-point opcode.");
        }

        await link.WriteAsync(ControlPoint, bytes.AsMemory(0, length), WriteKind.WithResponse, cancellationToken).ConfigureAwait(false);
        byte[] notification = await waitForResult(cancellationToken).ConfigureAwait(false)
            ?? throw new ProtocolViolationException(string.Create(
                CultureInfo.InvariantCulture,
                $"{link.Address} accepted the {command.Opcode} write but sent no result notification within {timeoutMilliseconds} ms."));
        ControlPointResponse response = new();
        if (response.Decode(notification, 0, notification.Length) != AttError.Success)
        {
            throw new ProtocolViolationException($"{link.Address} sent a control-point result of {notification.Length} bytes; the profile needs {ControlPointResponse.Length}.");
        }

        return new CommandOutcome(response.Opcode, response.Result, response.Detail);
    }
}
