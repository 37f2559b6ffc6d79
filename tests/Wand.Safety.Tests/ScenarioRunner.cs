using System.Collections.Generic;
using Wand.Core.Board;
using Wand.Core.Control;
using Wand.Protocol.Vocabulary;
using Wand.Simulation;

namespace Wand.Safety.Tests;

/// <summary>
/// Plays a sequence of world events against a virtual wand running the real firmware, one control tick at a time,
/// checking the safety invariants after every tick.
/// </summary>
public static class ScenarioRunner
{
    private static readonly HeadIdentity[] Heads = { HeadIdentity.SoftDome, HeadIdentity.RidgedWave, HeadIdentity.BristleBrush };

    private static readonly string[] Adapters = { "motor", "head-id", "head-temperature", "battery", "button", "usb-power", "clock", "watchdog" };

    /// <summary>Runs one scenario.</summary>
    /// <param name="seed">Seed of the virtual board (part tolerances, ADC noise, motor spread).</param>
    /// <param name="events">The events in order.</param>
    /// <returns>The invariant checker, for counts.</returns>
    public static SafetyInvariants Run(ulong seed, IReadOnlyList<WorldEvent> events)
    {
        VirtualWand wand = VirtualWand.Create(
            BoardProfile.CreateDefault(),
            new VirtualBoardOptions { Seed = seed, MotorSpread = 0.25 });
        SafetyInvariants invariants = new(wand);
        foreach (WorldEvent worldEvent in events)
        {
            Apply(wand, invariants, worldEvent);
            for (int elapsed = 0; elapsed < worldEvent.WaitMilliseconds; elapsed += SafetyLimits.ControlTickMilliseconds)
            {
                wand.RunFor(SafetyLimits.ControlTickMilliseconds);
                invariants.Check();
            }
        }

        return invariants;
    }

    private static void Apply(VirtualWand wand, SafetyInvariants invariants, WorldEvent worldEvent)
    {
        VirtualBoard board = wand.Board;
        WandController? controller = wand.Controller;
        int argument = worldEvent.Argument;
        switch (worldEvent.Kind)
        {
            case WorldEventKind.ShortPress:
                board.PressButton(100);
                break;
            case WorldEventKind.HoldPress:
                board.PressButton(1200);
                break;
            case WorldEventKind.LongPress:
                board.PressButton(3200);
                break;
            case WorldEventKind.StartRemote:
                controller?.StartRemote(1 + (argument % 6), worldEvent.Pattern, argument % 3 == 0 ? 0 : 60 + (argument % 900));
                break;
            case WorldEventKind.SetLevel:
                controller?.SetLevel(argument % 7);
                break;
            case WorldEventKind.SetPattern:
                controller?.SetPattern(worldEvent.Pattern);
                break;
            case WorldEventKind.StopRemote:
                controller?.StopRemote();
                break;
            case WorldEventKind.AttachHead:
                board.AttachHead(Heads[argument % Heads.Length]);
                invariants.KnownHeadAttached = true;
                break;
            case WorldEventKind.AttachOddResistor:
                // Values in the guard zones between bands: 4.7 kΩ, 10 kΩ, 33 kΩ, 1 kΩ.
                double[] odd = { 4700, 10000, 33000, 1000 };
                board.SetHeadResistor(odd[argument % odd.Length]);
                invariants.KnownHeadAttached = false;
                break;
            case WorldEventKind.DetachHead:
                board.DetachHead();
                invariants.KnownHeadAttached = false;
                break;
            case WorldEventKind.ShortHeadLine:
                board.ShortHeadLine();
                invariants.KnownHeadAttached = false;
                break;
            case WorldEventKind.SetTemperature:
                double celsius = 30 + (argument % 180) / 10.0;
                board.ForceHeadTemperature(celsius);
                invariants.ForcedCelsius = celsius;
                break;
            case WorldEventKind.ReleaseTemperature:
                board.ForceHeadTemperature(null);
                invariants.ForcedCelsius = null;
                break;
            case WorldEventKind.SetBattery:
                board.SetBatteryVolts(3.2 + (argument % 101) / 100.0);
                invariants.BatteryChangedAt = wand.Now;
                break;
            case WorldEventKind.PlugUsb:
                board.SetUsbPower(true);
                invariants.UsbPlugged = true;
                break;
            case WorldEventKind.UnplugUsb:
                board.SetUsbPower(false);
                invariants.UsbPlugged = false;
                break;
            case WorldEventKind.AdapterException:
                board.InjectFault("adapter-exception:" + Adapters[argument % Adapters.Length] + ":" + (1 + (argument % 3)));
                break;
            case WorldEventKind.StallLoop:
                board.InjectFault("loop-stall:" + (50 + (argument % 500)));
                break;
            case WorldEventKind.LinkUp:
                controller?.LinkUp();
                break;
            case WorldEventKind.LinkDown:
                controller?.LinkDown();
                break;
            case WorldEventKind.LongWait:
                break;
            case WorldEventKind.StartRoutine:
                controller?.StartRoutineRemote(worldEvent.Routine);
                break;
            case WorldEventKind.PauseRemote:
                controller?.PauseRemote();
                break;
            case WorldEventKind.ResumeRemote:
                controller?.ResumeRemote();
                break;
            case WorldEventKind.DoublePress:
                // Two short presses, released 250 ms apart: pause or resume (MD-7).
                board.PressButton(80);
                board.PressButton(80, 250);
                break;
        }
    }
}
