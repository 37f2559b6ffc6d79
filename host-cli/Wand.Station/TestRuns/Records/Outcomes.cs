namespace Wand.Host.TestRuns.Records;

/// <summary>The outcome of a whole run (OpenHTF's test outcome). Unit problems and station problems are kept apart.</summary>
public enum RunOutcome
{
    /// <summary>Every phase passed: the unit is good.</summary>
    Pass,

    /// <summary>The unit is out of its limits or misbehaved: the unit is bad.</summary>
    Fail,

    /// <summary>The station, link or plan broke: nothing is known about the unit.</summary>
    Error,

    /// <summary>A phase ran longer than its time limit.</summary>
    Timeout,

    /// <summary>The operator stopped the run (Ctrl-C).</summary>
    Aborted,
}

/// <summary>The outcome of one phase.</summary>
public enum PhaseOutcome
{
    /// <summary>Every step ran and every measurement passed.</summary>
    Pass,

    /// <summary>A measurement was out of limits or the unit answered wrongly.</summary>
    Fail,

    /// <summary>The station or link broke during the phase.</summary>
    Error,

    /// <summary>The phase ran longer than its time limit.</summary>
    Timeout,

    /// <summary>The run was stopped during this phase.</summary>
    Aborted,

    /// <summary>The phase did not run (an earlier error or abort).</summary>
    Skipped,
}

/// <summary>The outcome of one measurement.</summary>
public enum MeasurementOutcome
{
    /// <summary>No value was recorded (the phase stopped before it).</summary>
    Unset,

    /// <summary>The value is inside its limits.</summary>
    Pass,

    /// <summary>The value is outside its limits.</summary>
    Fail,
}
