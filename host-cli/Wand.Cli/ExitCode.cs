namespace Wand.Cli;

/// <summary>
/// Every exit code of <c>wand</c>, grouped by range. Each carries a message that says what to do, documented in the
/// README. Ranges: 0 success; 1–9 usage and input; 10–19 reaching a device; 20–29 flashing; 30–39 calibration;
/// 40–49 test runs; 50–59 the results store; 60–69 Bluetooth; 70+ internal.
/// </summary>
public enum ExitCode
{
    /// <summary>The job finished and everything passed.</summary>
    [ExitCodeMessage("Done.")]
    Success = 0,

    /// <summary>The command line could not be parsed.</summary>
    [ExitCodeMessage("Check the command line against 'wand --help' or 'wand <command> --help'.")]
    UsageError = 1,

    /// <summary>An input file (plan, image, settings) is malformed; nothing was written.</summary>
    [ExitCodeMessage("Fix the file at the line and column named above; nothing was written to the device or the results store.")]
    InvalidInput = 2,

    /// <summary>A value given on the command line is out of its range.</summary>
    [ExitCodeMessage("Use a value inside the range named above.")]
    ValueOutOfRange = 3,

    /// <summary>Standard output or standard error could not be written (full disk, closed pipe or descriptor); the job itself ran.</summary>
    [ExitCodeMessage("The command's output could not be written (disk full, or standard output or error closed); the job itself ran to its end. Redirect the output somewhere writable and run it again to see the result.")]
    OutputUnwritable = 4,

    /// <summary>The device address is not one of the supported forms.</summary>
    [ExitCodeMessage("Use one of: sim, tcp://HOST:PORT, unix:PATH, serial:PORT or ble:AA:BB:CC:DD:EE:FF.")]
    UnknownDevice = 10,

    /// <summary>The device could not be reached.</summary>
    [ExitCodeMessage("Check that the wand (or 'wand sim serve') is running and reachable at the address given, then retry.")]
    DeviceUnreachable = 11,

    /// <summary>The link dropped or timed out during the job.</summary>
    [ExitCodeMessage("The link to the wand was lost. Bring the wand closer or check the cable, then run the job again.")]
    LinkLost = 12,

    /// <summary>The device refused the request.</summary>
    [ExitCodeMessage("The wand refused the request; the reason is printed above. Resolve it (attach a head, unplug USB, let it cool) and retry.")]
    DeviceRefused = 13,

    /// <summary>The device answered with something the profile does not allow.</summary>
    [ExitCodeMessage("The wand's answer did not match the profile. Check that host and firmware versions match ('wand info').")]
    ProtocolError = 14,

    /// <summary>The job was cancelled (Ctrl-C).</summary>
    [ExitCodeMessage("Cancelled. The wand was left in a safe state; run the job again when ready.")]
    Cancelled = 15,

    /// <summary>The address names a transport this build cannot open.</summary>
    [ExitCodeMessage("This transport is not available in this build; use sim, or serve a virtual wand with 'wand sim serve' and pass --device tcp://127.0.0.1:PORT.")]
    TransportUnavailable = 16,

    /// <summary>The served virtual wand refused a world-control command.</summary>
    [ExitCodeMessage("Use a value the world control accepts (see 'wand sim --help' and the reason above); nothing was changed.")]
    WorldControlRefused = 17,

    /// <summary>The served virtual wand is held by another client; this one was queued and told so.</summary>
    [ExitCodeMessage("Another client holds the served wand (how long is printed above). Wait until it finishes or stop it, then retry.")]
    DeviceBusy = 19,

    /// <summary>The virtual wand could not be served (port in use, path taken).</summary>
    [ExitCodeMessage("Choose another --port (0 picks a free one) or another --unix path, or stop the other server.")]
    ServeFailed = 18,

    /// <summary>The wand's protocol version lacks the feature (routines, pause, session history: protocol 1.1).</summary>
    [ExitCodeMessage("This wand's firmware speaks an older protocol without this feature ('wand info' shows the version); flash firmware with protocol 1.1 or later.")]
    FeatureNotSupported = 9,

    /// <summary>The serial port does not exist or may not be opened.</summary>
    [ExitCodeMessage("Check the port name with 'wand ports' and the USB cable; if access was denied, add your user to the 'dialout' group (sudo usermod -aG dialout $USER) and log in again.")]
    FlashPortUnavailable = 20,

    /// <summary>A firmware or application file is malformed; nothing was written.</summary>
    [ExitCodeMessage("Fix or replace the file named above (use the unmodified firmware package for your target and the .bin from the app's build output); nothing was written to the board.")]
    FlashImageInvalid = 21,

    /// <summary>The images are for another chip than the one connected; nothing was written.</summary>
    [ExitCodeMessage("Use the firmware package built for the chip named above; nothing was written to the board.")]
    FlashChipMismatch = 22,

    /// <summary>An image does not fit its partition or the flash; nothing was written.</summary>
    [ExitCodeMessage("Make the application smaller, or flash a firmware package whose partition table has a larger deployment partition; nothing was written to the board.")]
    FlashImageTooLarge = 23,

    /// <summary>The ROM bootloader did not answer.</summary>
    [ExitCodeMessage("Put the board into download mode (hold BOOT, press and release RESET, release BOOT) and retry; the hint above says what the board printed.")]
    FlashNoBootloader = 24,

    /// <summary>The ROM bootloader reported an error.</summary>
    [ExitCodeMessage("The ROM loader reported the error above. Power-cycle the board, retry with a lower --baud (for example 115200), and use a short USB cable.")]
    FlashRomError = 25,

    /// <summary>The flash content does not match the image after writing and retries.</summary>
    [ExitCodeMessage("Flash the board again with a lower --baud; if it keeps failing at the same address, the module's flash chip is failing.")]
    FlashVerifyFailed = 26,

    /// <summary>The link stopped answering during the job; the board is not fully flashed.</summary>
    [ExitCodeMessage("The board is only partly flashed. Check the cable, retry with a lower --baud, and run the same command again until it reports success.")]
    FlashLinkLost = 27,

    /// <summary>The partition table is missing or malformed; nothing was written.</summary>
    [ExitCodeMessage("Flash the complete firmware package with --firmware (it carries the partition table), or use the package's table for this flash size; nothing was written to the board.")]
    FlashPartitionTableInvalid = 28,

    /// <summary>Another program holds the serial port.</summary>
    [ExitCodeMessage("Close the program that holds the port (a serial monitor, another 'wand', 'esptool' or 'nanoff') and retry.")]
    FlashPortBusy = 29,

    /// <summary>Calibration: the motor did not start even at the drive ceiling; nothing was written.</summary>
    [ExitCodeMessage("The motor did not start at the 3.0 V ceiling. Check the motor's wiring and the head's fit, or replace the motor; the unit keeps its previous calibration.")]
    CalibrationMotorDoesNotStart = 30,

    /// <summary>Calibration: the unit cannot meet the vibration specification within the ceiling; nothing was written.</summary>
    [ExitCodeMessage("The unit cannot reach the level targets within the 3.0 V ceiling (weak or sticky motor). Replace the motor; the unit keeps its previous calibration.")]
    CalibrationUnitOutOfRange = 31,

    /// <summary>Calibration: the measurements did not fit the motor model; nothing was written.</summary>
    [ExitCodeMessage("The measurements did not fit the motor model (noisy or loose accelerometer). Re-seat the unit and the sensor, then calibrate again; nothing was written.")]
    CalibrationFitRejected = 32,

    /// <summary>Calibration: a level missed its target on re-measurement; nothing was written.</summary>
    [ExitCodeMessage("A level missed its target when re-measured; nothing was written. Re-seat the unit and calibrate again; if it fails twice, replace the motor.")]
    CalibrationVerificationFailed = 33,

    /// <summary>Calibration: the record read back differs from the record written.</summary>
    [ExitCodeMessage("The record read back differs from the one written; the wand's storage may be failing. Run the self-test, then calibrate again.")]
    CalibrationReadBackMismatch = 34,

    /// <summary>Calibration: the wand is not in factory mode and the host cannot put it there.</summary>
    [ExitCodeMessage("Fit the jig strap (or hold the button from power-on for 2 s), power-cycle the wand, then calibrate within 10 minutes.")]
    CalibrationFactoryModeRequired = 35,

    /// <summary>Calibration: the accelerometer failed or broke the jig protocol; nothing was written.</summary>
    [ExitCodeMessage("The accelerometer failed or did not answer. Check the jig's cable and power and the --sensor address, then calibrate again; nothing was written.")]
    CalibrationSensorError = 36,

    /// <summary>Calibration: after the reboot the wand did not use the written record.</summary>
    [ExitCodeMessage("The wand did not load the written record after a reboot. Run the self-test, then calibrate again.")]
    CalibrationRecordNotInUse = 37,

    /// <summary>Calibration: the reports could not be written to --report-dir.</summary>
    [ExitCodeMessage("The calibration reports could not be written (the folder is named above). Checked before calibrating, nothing ran; after calibrating, the verdict above holds for the unit. Free space or fix permissions, then calibrate again to get the reports.")]
    CalibrationReportFailed = 38,

    /// <summary>The unit failed its test: a measurement was out of limits or the unit answered wrongly.</summary>
    [ExitCodeMessage("The unit FAILED. The failed measurements are listed above and in the report; reject or rework the unit.")]
    TestFailed = 40,

    /// <summary>The station broke during the test (link, fixture, plan step); nothing is known about the unit.</summary>
    [ExitCodeMessage("Station ERROR: the test could not judge the unit. Fix the station or link problem named above and test the unit again.")]
    TestError = 41,

    /// <summary>The operator stopped the test (Ctrl-C); teardown ran.</summary>
    [ExitCodeMessage("The test was ABORTED; teardown ran and the unit was left safe. Test the unit again from the start.")]
    TestAborted = 42,

    /// <summary>A phase ran longer than its time limit.</summary>
    [ExitCodeMessage("A phase TIMED OUT. Check the link and the unit, or raise the phase's timeout-s in the plan if it is too tight, and test again.")]
    TestTimeout = 43,

    /// <summary>The test plan is malformed; nothing ran.</summary>
    [ExitCodeMessage("Fix the plan at the file:line:column named above ('wand test validate PLAN' checks it without a device); nothing ran and nothing was stored.")]
    InvalidPlan = 44,

    /// <summary>The plan controls the simulated world but the device is real hardware; nothing ran.</summary>
    [ExitCodeMessage("This plan needs a virtual wand (--device sim); nothing ran. Use a plan without world steps for real hardware.")]
    PlanNeedsVirtualWand = 45,

    /// <summary>A report file could not be written; the run is in the results store if it opened.</summary>
    [ExitCodeMessage("Could not write the report files; check that --report-dir is writable and has space. The run is in the results store ('wand results export').")]
    ReportWriteFailed = 46,

    /// <summary>The results store could not be opened or read.</summary>
    [ExitCodeMessage("Could not open the results store named above; check the path and permissions (--results or WAND_RESULTS). No run was started.")]
    ResultsStoreUnavailable = 50,

    /// <summary>The run could not be written to the results store; nothing of it was stored.</summary>
    [ExitCodeMessage("The run was NOT stored (nothing half-written); its JSON record is in the report folder. Fix the store (space, permissions, lock) and import or re-run.")]
    ResultsStoreWriteFailed = 51,

    /// <summary>The results store was written by newer software.</summary>
    [ExitCodeMessage("The results store has a newer schema than this wand understands; update wand or use another file.")]
    ResultsSchemaTooNew = 52,

    /// <summary>No stored run matches the ID given.</summary>
    [ExitCodeMessage("No single run matches that ID; list runs with 'wand results list' and give more of the ID.")]
    RunNotFound = 53,

    /// <summary>A yield export (CSV files, HTML dashboard) could not be written; the store was only read.</summary>
    [ExitCodeMessage("Could not write the export file named above; check that its folder exists, is writable and has space, then run the command again. The results store was only read.")]
    ExportWriteFailed = 54,

    /// <summary>The line database could not take every pending run; the runs not forwarded stay pending in the station's file.</summary>
    [ExitCodeMessage("Not every run reached the line database; the rest stay pending in the station's file and nothing was lost. Check the line database named above (server up, credentials, space), then run 'wand results sync' again.")]
    ForwardingIncomplete = 55,

    /// <summary>BlueZ cannot be reached: no system D-Bus, or bluetoothd is not running.</summary>
    [ExitCodeMessage("Start bluetoothd ('sudo systemctl start bluetooth'); if DBUS_SYSTEM_BUS_ADDRESS is set, check that it points at the system bus.")]
    BluetoothUnavailable = 60,

    /// <summary>No usable Bluetooth adapter.</summary>
    [ExitCodeMessage("Plug in or power on a Bluetooth adapter ('bluetoothctl power on'), or name a present one with --adapter.")]
    BluetoothAdapterMissing = 61,

    /// <summary>No wand was found over Bluetooth.</summary>
    [ExitCodeMessage("Switch the wand on and bring it within a few metres; check its address with 'wand scan'.")]
    WandNotFound = 62,

    /// <summary>The wand refused to pair.</summary>
    [ExitCodeMessage("Open the wand's pairing window with a long press of its button, then run the command again within 60 s.")]
    PairingRefused = 63,

    /// <summary>BlueZ refused an operation.</summary>
    [ExitCodeMessage("BlueZ refused the operation; the reason is printed above. Check 'bluetoothctl info ADDRESS', remove and re-pair the wand if needed, and retry.")]
    BluetoothOperationFailed = 64,
    /// <summary>An internal error; a bug.</summary>
    [ExitCodeMessage("An unexpected error occurred. Re-run with the same arguments and report the output above.")]
    InternalError = 70,
}
