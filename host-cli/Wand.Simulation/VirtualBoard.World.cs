using System;
using Wand.Core.Board;
using Wand.Protocol.Vocabulary;

namespace Wand.Simulation;

/// <summary>
/// The world API: what a test, a QA plan or an integrator changes around the board. It covers the host's world-control
/// seam one to one: head resistor (<see cref="SetHeadResistor"/>), temperature (<see cref="ForceHeadTemperature"/>),
/// battery (<see cref="SetBatteryVolts"/>), USB (<see cref="SetUsbPower"/>), button (<see cref="PressButton"/>),
/// faults (<see cref="InjectFault"/>); advancing time is <see cref="VirtualWand.RunFor"/>.
/// </summary>
public sealed partial class VirtualBoard
{
    /// <summary>Attaches a new specimen of a catalogue head (its ID resistor drawn within 1 %).</summary>
    /// <param name="definition">The head type.</param>
    /// <returns>The attached specimen.</returns>
    public VirtualHead AttachHead(HeadDefinition definition)
    {
        VirtualHead head = VirtualHead.Draw(definition, headRandom);
        if (Options.Defect == BoardDefect.WrongHeadResistor && definition.IdResistorOhms == BoardDefects.BristleBrushOhms)
        {
            head = new VirtualHead(definition.IdResistorOhms, BoardDefects.WrongBristleBrushOhms);
        }

        HeadId.Attach(head);
        return head;
    }

    /// <summary>Attaches a new specimen of a catalogue head by identity.</summary>
    /// <param name="identity">A head in the profile's catalogue.</param>
    /// <returns>The attached specimen.</returns>
    /// <exception cref="ArgumentException">The catalogue has no such head.</exception>
    public VirtualHead AttachHead(HeadIdentity identity)
    {
        HeadDefinition definition = Profile.Heads.Find(identity)
            ?? throw new ArgumentException("The board profile has no head " + identity + ".", nameof(identity));
        return AttachHead(definition);
    }

    /// <summary>Attaches a given head specimen.</summary>
    /// <param name="head">The head.</param>
    public void AttachHead(VirtualHead head)
    {
        HeadId.Attach(head);
    }

    /// <summary>Sets the ID line exactly: a resistor, a short (0 Ω) or open (<c>null</c>, detached).</summary>
    /// <param name="ohms">ID resistor, in ohms, 0 or more; <c>null</c> detaches.</param>
    public void SetHeadResistor(double? ohms)
    {
        if (ohms is null)
        {
            HeadId.Detach();
        }
        else if (ohms.Value == 0)
        {
            HeadId.ShortToGround();
        }
        else if (ohms.Value > 0 && !double.IsInfinity(ohms.Value))
        {
            // The fixture attaches the unit's own head for a head resistor; a defective head carries its wrong part.
            double fitted = Options.Defect == BoardDefect.WrongHeadResistor && ohms.Value == BoardDefects.BristleBrushOhms ? BoardDefects.WrongBristleBrushOhms : ohms.Value;
            HeadId.Attach(new VirtualHead(ohms.Value, fitted));
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(ohms), ohms, "An ID resistor must be 0 Ω (short) or more.");
        }
    }

    /// <summary>Removes the head (open ID line).</summary>
    public void DetachHead() => HeadId.Detach();

    /// <summary>Shorts the ID line to ground.</summary>
    public void ShortHeadLine() => HeadId.ShortToGround();

    /// <summary>Sets the ambient temperature the head relaxes towards.</summary>
    /// <param name="celsius">Ambient, −40 to 85 °C.</param>
    public void SetAmbientCelsius(double celsius)
    {
        if (!(celsius >= -40 && celsius <= 85))
        {
            throw new ArgumentOutOfRangeException(nameof(celsius), celsius, "Ambient must be −40 to 85 °C.");
        }

        Thermal.AmbientCelsius = celsius;
    }

    /// <summary>Forces the temperature the NTC senses, or returns it to the thermal model.</summary>
    /// <param name="celsius">Temperature, −40 to 125 °C; <c>null</c> for the model.</param>
    public void ForceHeadTemperature(double? celsius)
    {
        HeadTemperature.ForcedCelsius = celsius;
    }

    /// <summary>Sets the cell's open-circuit voltage (its state of charge).</summary>
    /// <param name="volts">3.0 to 4.2 V.</param>
    public void SetBatteryVolts(double volts)
    {
        Cell.SetOpenCircuitVolts(volts);
    }

    /// <summary>Plugs or unplugs USB power.</summary>
    /// <param name="plugged"><c>true</c> when USB power is present.</param>
    public void SetUsbPower(bool plugged) => UsbPower.Set(plugged);

    /// <summary>Fits or removes the factory jig strap (read by the firmware at boot).</summary>
    /// <param name="fitted"><c>true</c> when fitted.</param>
    public void SetFactoryStrap(bool fitted) => FactoryStrap.Set(fitted);

    /// <summary>Stores a calibration record in the board's persistent storage, as a factory station writes it.</summary>
    /// <param name="record">The record; encoded with its CRC-32.</param>
    public void StoreCalibration(Wand.Protocol.Factory.CalibrationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] bytes = new byte[Wand.Protocol.Factory.CalibrationRecord.Length];
        Storage.Write(Wand.Core.Hardware.StorageSlot.Calibration, bytes, record.Encode(bytes, 0));
    }

    /// <summary>Writes a sensor calibration record (SR-18) into the board's storage, as the factory station would.</summary>
    /// <param name="record">The record.</param>
    public void StoreSensorCalibration(Wand.Protocol.Factory.SensorCalibrationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] bytes = new byte[Wand.Protocol.Factory.SensorCalibrationRecord.Length];
        Storage.Write(Wand.Core.Hardware.StorageSlot.SensorCalibration, bytes, record.Encode(bytes, 0));
    }

    /// <summary>Puts the head on skin or lifts it (HD-5).</summary>
    /// <param name="touching"><c>true</c> when on skin.</param>
    public void SetTouching(bool touching) => Touch.Touching = touching;

    /// <summary>Schedules a button press in virtual time.</summary>
    /// <param name="holdMilliseconds">How long the button is held, 1 ms or more.</param>
    /// <param name="delayMilliseconds">Delay from now until the press, 0 or more.</param>
    public void PressButton(long holdMilliseconds, long delayMilliseconds = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delayMilliseconds);
        Button.SchedulePress(Clock.Now + delayMilliseconds, holdMilliseconds);
        Button.Apply(Clock.Now);
    }

    /// <summary>Injects a fault by name, as the world-control seam passes it (see <see cref="SimulatedFaults"/>).</summary>
    /// <param name="fault">For example <c>stuck-ntc</c>, <c>adapter-exception:battery</c> or <c>loop-stall:300</c>.</param>
    /// <exception cref="ArgumentException">The name or its argument is not known; the message lists the valid names.</exception>
    public void InjectFault(string fault)
    {
        SimulatedFaults.Apply(this, fault);
    }
}
