namespace Wand.Simulation;

/// <summary>Faults of the head NTC and its wiring (SR-7: an implausible reading is a sensor fault).</summary>
public enum NtcFault
{
    /// <summary>Working normally.</summary>
    None = 0,

    /// <summary>NTC open (broken wire): the pin reads the rail, far below any plausible temperature.</summary>
    Open = 1,

    /// <summary>NTC shorted: the pin reads 0 V, far above any plausible temperature.</summary>
    Shorted = 2,

    /// <summary>The reading freezes at the value it had when the fault was set.</summary>
    Stuck = 3,
}
