using Wand.Protocol.Vocabulary;

namespace Wand.Safety.Tests;

/// <summary>What can happen to a wand between control ticks.</summary>
public enum WorldEventKind
{
    ShortPress,
    HoldPress,
    LongPress,
    StartRemote,
    SetLevel,
    SetPattern,
    StopRemote,
    AttachHead,
    AttachOddResistor,
    DetachHead,
    ShortHeadLine,
    SetTemperature,
    ReleaseTemperature,
    SetBattery,
    PlugUsb,
    UnplugUsb,
    AdapterException,
    StallLoop,
    LinkUp,
    LinkDown,
    LongWait,
    StartRoutine,
    PauseRemote,
    ResumeRemote,
    DoublePress,
}

/// <summary>One random event and the virtual time that passes after it.</summary>
/// <param name="Kind">The event.</param>
/// <param name="Argument">An integer argument whose meaning depends on the kind.</param>
/// <param name="WaitMilliseconds">Virtual time to run after the event, in milliseconds.</param>
public sealed record WorldEvent(WorldEventKind Kind, int Argument, int WaitMilliseconds)
{
    public override string ToString() => $"{Kind}({Argument}) then {WaitMilliseconds} ms";

    public PatternKind Pattern => (PatternKind)(Argument % 4);

    /// <summary>Gets a routine number 0 to 5 (0 and 5 name no routine and must be refused).</summary>
    public RoutineKind Routine => (RoutineKind)(Argument % 6);
}
