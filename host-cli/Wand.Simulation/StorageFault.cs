namespace Wand.Simulation;

/// <summary>How the simulated flash misbehaves on writes.</summary>
public enum StorageFault
{
    /// <summary>Writes succeed.</summary>
    None = 0,

    /// <summary>Writes fail: <c>Write</c> returns <c>false</c> and the old record stays.</summary>
    FailWrites = 1,

    /// <summary>Writes report success but store the record with one bit flipped.</summary>
    CorruptWrites = 2,
}
