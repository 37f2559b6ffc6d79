using System.Collections.Generic;

namespace Wand.Host.TestRuns.Steps;

/// <summary>The step kinds every plan can use.</summary>
public static class BuiltInSteps
{
    /// <summary>Creates one of each built-in step kind.</summary>
    /// <returns>The kinds.</returns>
    public static IEnumerable<IStepKind> All()
    {
        yield return new ConnectStepKind();
        yield return new DisconnectStepKind();
        yield return new ReadStepKind();
        yield return new WriteStepKind();
        yield return new CommandStepKind();
        yield return new WaitStepKind();
        yield return new SampleStepKind();
        yield return new WorldStepKind();
        yield return new AdvanceStepKind();
    }
}
