using System;

namespace Wand.Simulation;

/// <summary>Thrown by a simulated adapter when a fault was injected into it, to exercise the firmware's SR-12 handling.</summary>
public sealed class SimulatedHardwareException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SimulatedHardwareException"/> class.</summary>
    public SimulatedHardwareException()
        : base("Injected hardware fault.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SimulatedHardwareException"/> class.</summary>
    /// <param name="message">What failed.</param>
    public SimulatedHardwareException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SimulatedHardwareException"/> class.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public SimulatedHardwareException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SimulatedHardwareException"/> class.</summary>
    /// <param name="adapter">The adapter that threw.</param>
    public SimulatedHardwareException(AdapterKind adapter)
        : base("Injected fault in the " + adapter + " adapter.")
    {
        Adapter = adapter;
    }

    /// <summary>Gets the adapter that threw.</summary>
    public AdapterKind Adapter { get; }
}
