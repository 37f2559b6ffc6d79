namespace Wand.Simulation;

/// <summary>The board's hardware adapters that fault injection can make throw (SR-12).</summary>
public enum AdapterKind
{
    /// <summary>The motor PWM output.</summary>
    Motor = 0,

    /// <summary>The head-ID ADC channel.</summary>
    HeadId = 1,

    /// <summary>The head NTC ADC channel.</summary>
    HeadTemperature = 2,

    /// <summary>The battery ADC channel.</summary>
    Battery = 3,

    /// <summary>The button input.</summary>
    Button = 4,

    /// <summary>The USB power-present input.</summary>
    UsbPower = 5,

    /// <summary>The factory strap input.</summary>
    FactoryStrap = 6,

    /// <summary>The clock.</summary>
    Clock = 7,

    /// <summary>Persistent storage.</summary>
    Storage = 8,

    /// <summary>The watchdog.</summary>
    Watchdog = 9,

    /// <summary>The skin-contact sensor.</summary>
    Touch = 10,
}
