using Wand.Protocol.Messages;
using Wand.Protocol.Vocabulary;

namespace Wand.Host.Client;

/// <summary>The wand accepted a control-point write but refused to carry it out (result notification ≠ Success).</summary>
public sealed class CommandRefusedException : WandHostException
{
    /// <summary>Initializes a new instance of the <see cref="CommandRefusedException"/> class.</summary>
    /// <param name="outcome">The result notification.</param>
    public CommandRefusedException(CommandOutcome outcome)
        : base(Describe(outcome))
    {
        Outcome = outcome;
    }

    /// <summary>Gets the result notification.</summary>
    public CommandOutcome Outcome { get; }

    /// <summary>Describes a refusal for people, with what to do.</summary>
    /// <param name="outcome">The result notification.</param>
    /// <returns>The text.</returns>
    public static string Describe(CommandOutcome outcome)
    {
        System.ArgumentNullException.ThrowIfNull(outcome);
        string action = outcome.Opcode switch
        {
            ControlPointOpcode.StartSession => "start",
            ControlPointOpcode.StopSession => "stop",
            ControlPointOpcode.SetLevel => "level change",
            ControlPointOpcode.SetPattern => "pattern change",
            _ => $"command 0x{(byte)outcome.Opcode:X2}",
        };
        string reason = outcome.Result switch
        {
            CommandResult.NoHead => "no known head is attached; attach a head",
            CommandResult.LevelNotAllowed => $"the level is not allowed now; the highest allowed is {outcome.Detail}",
            CommandResult.PatternNotAllowed => $"this head does not allow the pattern (allowed-pattern mask 0x{outcome.Detail:X2})",
            CommandResult.Charging => "USB power is present; unplug it",
            CommandResult.OverTemperature => "the head is too hot or its sensor failed; let it cool",
            CommandResult.BatteryLow => "the battery is too low; charge it",
            CommandResult.FaultActive => "a latched fault blocks the motor; see 'wand faults'",
            CommandResult.NotRunning => "no session is running",
            CommandResult.NotInFactoryMode => "factory mode is needed",
            CommandResult.OutOfRange => "outside what this unit allows",
            CommandResult.Failed => "the wand failed to complete it; nothing changed",
            CommandResult.Busy => "a session already runs; stop it first, or change level or pattern",
            _ => $"result {(int)outcome.Result}",
        };
        return $"The wand refused the {action}: {reason} ({outcome.Result}).";
    }
}
