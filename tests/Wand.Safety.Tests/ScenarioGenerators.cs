using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace Wand.Safety.Tests;

/// <summary>FsCheck generators of world-event sequences, weighted towards starting sessions and disturbing them.</summary>
public static class ScenarioGenerators
{
    public static Gen<WorldEvent> Event()
    {
        Gen<int> argument = Gen.Choose(0, 10_000);
        Gen<int> shortWait = Gen.Choose(1, 60).Select(ticks => ticks * 20);
        Gen<int> longWait = Gen.Choose(20, 90).Select(seconds => seconds * 1000);
        Gen<WorldEventKind> kind = Gen.Frequency(
            (8, Gen.Constant(WorldEventKind.StartRemote)),
            (4, Gen.Constant(WorldEventKind.ShortPress)),
            (2, Gen.Constant(WorldEventKind.HoldPress)),
            (1, Gen.Constant(WorldEventKind.LongPress)),
            (4, Gen.Constant(WorldEventKind.SetLevel)),
            (2, Gen.Constant(WorldEventKind.SetPattern)),
            (2, Gen.Constant(WorldEventKind.StopRemote)),
            (4, Gen.Constant(WorldEventKind.AttachHead)),
            (1, Gen.Constant(WorldEventKind.AttachOddResistor)),
            (2, Gen.Constant(WorldEventKind.DetachHead)),
            (1, Gen.Constant(WorldEventKind.ShortHeadLine)),
            (3, Gen.Constant(WorldEventKind.SetTemperature)),
            (2, Gen.Constant(WorldEventKind.ReleaseTemperature)),
            (3, Gen.Constant(WorldEventKind.SetBattery)),
            (2, Gen.Constant(WorldEventKind.PlugUsb)),
            (2, Gen.Constant(WorldEventKind.UnplugUsb)),
            (2, Gen.Constant(WorldEventKind.AdapterException)),
            (1, Gen.Constant(WorldEventKind.StallLoop)),
            (2, Gen.Constant(WorldEventKind.LinkUp)),
            (2, Gen.Constant(WorldEventKind.LinkDown)),
            (1, Gen.Constant(WorldEventKind.LongWait)),
            (4, Gen.Constant(WorldEventKind.StartRoutine)),
            (3, Gen.Constant(WorldEventKind.PauseRemote)),
            (3, Gen.Constant(WorldEventKind.ResumeRemote)),
            (2, Gen.Constant(WorldEventKind.DoublePress)));
        return from eventKind in kind
               from value in argument
               from wait in eventKind == WorldEventKind.LongWait ? longWait : shortWait
               select new WorldEvent(eventKind, value, wait);
    }

    public static Arbitrary<Scenario> Scenarios() => ScenariosOf(Event());

    /// <summary>Events weighted towards guided routines and the baby-led pause (MD-6, MD-7), with faults mixed in. Waits
    /// are long enough to cross routine steps and cues and to time out a pause.</summary>
    public static Gen<WorldEvent> RoutineEvent()
    {
        Gen<int> argument = Gen.Choose(0, 10_000);
        Gen<int> shortWait = Gen.Choose(1, 60).Select(ticks => ticks * 20);
        Gen<int> longWait = Gen.Choose(20, 150).Select(seconds => seconds * 1000);
        Gen<WorldEventKind> kind = Gen.Frequency(
            (8, Gen.Constant(WorldEventKind.StartRoutine)),
            (5, Gen.Constant(WorldEventKind.PauseRemote)),
            (5, Gen.Constant(WorldEventKind.ResumeRemote)),
            (4, Gen.Constant(WorldEventKind.DoublePress)),
            (2, Gen.Constant(WorldEventKind.HoldPress)),
            (2, Gen.Constant(WorldEventKind.StopRemote)),
            (2, Gen.Constant(WorldEventKind.StartRemote)),
            (2, Gen.Constant(WorldEventKind.SetLevel)),
            (2, Gen.Constant(WorldEventKind.AttachHead)),
            (1, Gen.Constant(WorldEventKind.DetachHead)),
            (1, Gen.Constant(WorldEventKind.SetTemperature)),
            (1, Gen.Constant(WorldEventKind.ReleaseTemperature)),
            (1, Gen.Constant(WorldEventKind.SetBattery)),
            (1, Gen.Constant(WorldEventKind.PlugUsb)),
            (1, Gen.Constant(WorldEventKind.UnplugUsb)),
            (1, Gen.Constant(WorldEventKind.AdapterException)),
            (1, Gen.Constant(WorldEventKind.StallLoop)),
            (1, Gen.Constant(WorldEventKind.LinkDown)),
            (4, Gen.Constant(WorldEventKind.LongWait)));
        return from eventKind in kind
               from value in argument
               from wait in eventKind == WorldEventKind.LongWait ? longWait : shortWait
               select new WorldEvent(eventKind, value, wait);
    }

    public static Arbitrary<Scenario> RoutineScenarios() => ScenariosOf(RoutineEvent());

    private static Arbitrary<Scenario> ScenariosOf(Gen<WorldEvent> events)
    {
        Gen<Scenario> scenario =
            from seed in Gen.Choose(1, int.MaxValue)
            from count in Gen.Choose(3, 25)
            from list in events.ListOf(count)
            select new Scenario((ulong)seed, list.ToList());
        return Arb.From(scenario, ShrinkScenario);
    }

    private static IEnumerable<Scenario> ShrinkScenario(Scenario scenario)
    {
        for (int index = 0; index < scenario.Events.Count; index++)
        {
            List<WorldEvent> fewer = new(scenario.Events);
            fewer.RemoveAt(index);
            yield return scenario with { Events = fewer };
        }
    }
}

/// <summary>A board seed and a sequence of events.</summary>
public sealed record Scenario(ulong Seed, List<WorldEvent> Events)
{
    public override string ToString() => $"seed {Seed}: " + string.Join(", ", Events);
}
