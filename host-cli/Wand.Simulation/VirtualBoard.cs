using System;
using Wand.Core.Board;
using Wand.Core.Hardware;

namespace Wand.Simulation;

/// <summary>
/// A simulated wand board in virtual time: ERM motor, head-ID divider, head thermal model and NTC, Li-ion cell,
/// inputs, storage and watchdog, exposed to the firmware core as a <see cref="BoardIo"/>. <see cref="Step"/> advances
/// the physics in fixed steps without allocating. The world API (attach heads, set temperature, battery and USB,
/// press the button, inject faults) is in VirtualBoard.World.cs.
/// </summary>
public sealed partial class VirtualBoard
{
    private const ulong MotorStream = 1;
    private const ulong BoardStream = 2;
    private const ulong NoiseStream = 3;
    private const ulong HeadStream = 4;
    private const ulong AccelerometerStream = 5;

    private readonly int stepMilliseconds;
    private readonly double motorConductance;
    private readonly double mechanicalLossFraction;
    private readonly SimulationRandom headRandom;

    /// <summary>Initializes a new instance of the <see cref="VirtualBoard"/> class.</summary>
    /// <param name="profile">The board profile the firmware runs with.</param>
    /// <param name="options">Seed, populations and initial world; <c>null</c> for a typical unit.</param>
    public VirtualBoard(BoardProfile profile, VirtualBoardOptions? options = null)
    {
        Profile = profile ?? throw new ArgumentNullException(nameof(profile));
        Options = options ?? new VirtualBoardOptions();
        Options.Validate();
        stepMilliseconds = Options.PhysicsStepMilliseconds;
        ulong seed = Options.Seed;

        Faults = new AdapterFaultInjector();
        Clock = new VirtualClock(Faults);

        SimulationRandom boardRandom = SimulationRandom.Derive(seed, BoardStream);
        SimulationRandom noise = SimulationRandom.Derive(seed, NoiseStream);
        headRandom = SimulationRandom.Derive(seed, HeadStream);
        SensorTolerances tolerances = Options.Tolerances;
        double railVolts = AnalogScaling.RailMillivolts / 1000.0 * boardRandom.NextFactor(tolerances.RailFraction);
        double pullUpOhms = HeadIdChannel.NominalPullUpOhms * boardRandom.NextFactor(tolerances.PullUpFraction);
        Adc = Options.AdcError
            ? AnalogConverter.Draw(boardRandom, tolerances, Options.AdcNoiseMillivolts, noise)
            : new AnalogConverter(0, 0, Options.AdcNoiseMillivolts, noise);
        double ntcPullUpFactor = boardRandom.NextFactor(tolerances.PullUpFraction);
        double ntcNominalFactor = boardRandom.NextFactor(tolerances.ThermistorNominalFraction);
        if (Options.Defect == BoardDefect.NtcOutOfTolerance)
        {
            ntcNominalFactor *= BoardDefects.OutOfToleranceNtcFactor;
        }

        double ntcBetaFactor = boardRandom.NextFactor(tolerances.ThermistorBetaFraction);
        double batteryTop = boardRandom.NextFactor(tolerances.BatteryDividerResistorFraction) * (1000 - profile.BatteryDividerPerMille);
        if (Options.Defect == BoardDefect.WrongDividerResistor)
        {
            batteryTop *= BoardDefects.WrongDividerTopFactor;
        }

        double batteryBottom = boardRandom.NextFactor(tolerances.BatteryDividerResistorFraction) * profile.BatteryDividerPerMille;
        double batteryRatio = batteryBottom / (batteryTop + batteryBottom);
        RailVolts = railVolts;

        ErmMotorParameters motorParameters = Options.MotorSpread > 0
            ? Options.Motor.Draw(SimulationRandom.Derive(seed, MotorStream), Options.MotorSpread)
            : Options.Motor;
        ErmMotorParameters fittedMotor = BoardDefects.FittedMotor(Options.Defect, motorParameters);
        CalibratedMotorParameters = BoardDefects.CalibratedMotor(Options.Defect, motorParameters, fittedMotor);
        motorParameters = fittedMotor;
        Motor = new ErmMotor(motorParameters, stepMilliseconds);
        motorConductance = 1.0 / motorParameters.TerminalResistanceOhms;
        Accelerometer = new HeadAccelerometer(Motor, SimulationRandom.Derive(seed, AccelerometerStream), Options.AccelerometerNoiseG);

        Thermal = new HeadThermalModel(Options.Thermal, stepMilliseconds, Options.AmbientCelsius);
        mechanicalLossFraction = Options.Thermal.MechanicalLossFraction;
        Cell = new LithiumCell(Options.Cell, Options.BatteryVolts);

        MotorOutput = new SimulatedMotorOutput(Faults);
        HeadId = new HeadIdChannel(Adc, Faults, pullUpOhms, railVolts);
        HeadTemperature = new NtcChannel(Adc, Faults, profile.Thermistor, Thermal, railVolts, ntcNominalFactor, ntcBetaFactor, ntcPullUpFactor);
        if (Options.Defect == BoardDefect.StuckNtc)
        {
            HeadTemperature.DetachedCelsius = BoardDefects.StuckNtcCelsius;
        }

        Battery = new BatteryChannel(Adc, Faults, Cell, profile.BatteryDividerPerMille, batteryRatio);
        Button = new SimulatedButton(Faults);
        UsbPower = new SimulatedInput(Faults, AdapterKind.UsbPower);
        FactoryStrap = new SimulatedInput(Faults, AdapterKind.FactoryStrap);
        Storage = new InMemoryStorage(Faults);
        Watchdog = new SimulatedWatchdog(Faults, Clock, Options.WatchdogTimeoutMilliseconds);
        Touch = new SimulatedTouchSensor(Faults);

        Io = new BoardIo(
            MotorOutput,
            HeadId,
            HeadTemperature,
            Battery,
            Button,
            UsbPower,
            FactoryStrap,
            Clock,
            Storage,
            Watchdog,
            profile.SkinContactSensing || Options.TouchSensorFitted ? Touch : null!);

        if (Options.InitialHeadIndex >= 0 && Options.InitialHeadIndex < profile.Heads.Count)
        {
            AttachHead(profile.Heads[Options.InitialHeadIndex]);
        }

        Cell.Step(Cell.TerminalVoltsUnder(0, 0, motorConductance, false), 0, false, 0);
        if (Options.SensorCalibrated)
        {
            // Written before boot, as the factory station would have (SR-18).
            StoreSensorCalibration(FactorySensorCalibration.For(this));
        }
    }

    /// <summary>Gets the board profile.</summary>
    public BoardProfile Profile { get; }

    /// <summary>Gets the options the board was built with.</summary>
    public VirtualBoardOptions Options { get; }

    /// <summary>Gets the adapters as the firmware core sees them.</summary>
    public BoardIo Io { get; }

    /// <summary>Gets the fault injector shared by all adapters.</summary>
    public AdapterFaultInjector Faults { get; }

    /// <summary>Gets the virtual clock.</summary>
    public VirtualClock Clock { get; }

    /// <summary>Gets the board's ADC (fixed error and noise).</summary>
    public AnalogConverter Adc { get; }

    /// <summary>Gets this board's 3.3 V rail, in volts.</summary>
    public double RailVolts { get; }

    /// <summary>Gets the motor.</summary>
    public ErmMotor Motor { get; }

    /// <summary>
    /// Gets the motor a factory motor calibration of this unit describes: the fitted motor, unless a seeded defect says
    /// otherwise (<see cref="BoardDefects.CalibratedMotor"/>).
    /// </summary>
    public ErmMotorParameters CalibratedMotorParameters { get; }

    /// <summary>Gets the fixture accelerometer on the head.</summary>
    public HeadAccelerometer Accelerometer { get; }

    /// <summary>Gets the head's thermal model.</summary>
    public HeadThermalModel Thermal { get; }

    /// <summary>Gets the cell.</summary>
    public LithiumCell Cell { get; }

    /// <summary>Gets the motor PWM output.</summary>
    public SimulatedMotorOutput MotorOutput { get; }

    /// <summary>Gets the head-ID channel.</summary>
    public HeadIdChannel HeadId { get; }

    /// <summary>Gets the head NTC channel.</summary>
    public NtcChannel HeadTemperature { get; }

    /// <summary>Gets the battery channel.</summary>
    public BatteryChannel Battery { get; }

    /// <summary>Gets the button.</summary>
    public SimulatedButton Button { get; }

    /// <summary>Gets the USB power input.</summary>
    public SimulatedInput UsbPower { get; }

    /// <summary>Gets the factory strap input.</summary>
    public SimulatedInput FactoryStrap { get; }

    /// <summary>Gets the storage.</summary>
    public InMemoryStorage Storage { get; }

    /// <summary>Gets the watchdog.</summary>
    public SimulatedWatchdog Watchdog { get; }

    /// <summary>Gets the touch pad (present in <see cref="Io"/> only when fitted).</summary>
    public SimulatedTouchSensor Touch { get; }

    /// <summary>Gets the fixed physics step, in milliseconds.</summary>
    public int StepMilliseconds => stepMilliseconds;

    /// <summary>Gets the average voltage across the motor now (duty × terminal voltage), in volts: what SR-3 limits.</summary>
    public double MotorVolts => Motor.DriveVolts;

    /// <summary>
    /// Advances virtual time and the physics in fixed steps of <see cref="StepMilliseconds"/>. A span that is not a
    /// multiple ends with one shorter step, and a step also ends at every scheduled button transition, so time has
    /// 1 ms resolution whatever the step. The motor drive is constant within a step (the firmware only writes it
    /// between steps), which the exact first-order integration makes accurate for any step length.
    /// </summary>
    /// <param name="milliseconds">Milliseconds to advance, 0 or more.</param>
    public void Step(long milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        long end = Clock.Now + milliseconds;
        long now = Clock.Now;
        while (now < end)
        {
            long length = end - now;
            if (length > stepMilliseconds)
            {
                length = stepMilliseconds;
            }

            long untilButton = Button.NextTransitionTime - now;
            if (untilButton > 0 && untilButton < length)
            {
                length = untilButton;
            }

            StepOnce((int)length);
            now = Clock.Now;
        }
    }

    private void StepOnce(int milliseconds)
    {
        double duty = MotorOutput.DutyCycle;
        bool usb = UsbPower.State;
        ErmMotor motor = Motor;
        double terminal = Cell.TerminalVoltsUnder(duty, motor.BackEmfVolts, motorConductance, usb);
        motor.Step(duty * terminal, milliseconds);
        double motorCurrent = motor.CurrentAmperes;
        Cell.Step(terminal, duty * motorCurrent, usb, milliseconds);
        Thermal.Step(motor.CopperLossWatts + (mechanicalLossFraction * motor.MechanicalWatts), milliseconds);
        Clock.Advance(milliseconds);
        Button.Apply(Clock.Now);
        Watchdog.Check();
    }
}
