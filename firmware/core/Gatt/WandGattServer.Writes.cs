using Wand.Core.Hardware;
using Wand.Protocol.Factory;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Core.Gatt
{
    /// <summary>
    /// Applying writes: decode and check the value (the protocol's decoders refuse out-of-range values with their
    /// specific ATT errors, SR-14), then act, then store, then notify (BP-3).
    /// </summary>
    public sealed partial class WandGattServer
    {
        private AttError Apply(int characteristicIndex, byte[] value, int length)
        {
            switch (characteristicIndex)
            {
                case WandProfile.ControlPointIndex:
                    return ApplyControlPoint(value, length);
                case WandProfile.SettingsIndex:
                    return ApplySettings(value, length);
                case WandProfile.FaultLogIndex:
                    return ApplyFaultLogSelection(value, length);
                case WandProfile.CalibrationIndex:
                    return ApplyCalibration(value, length);
                case WandProfile.SensorCalibrationIndex:
                    return ApplySensorCalibration(value, length);
                case WandProfile.RawDriveIndex:
                    return ApplyRawDrive(value, length);
                case WandProfile.FactorySerialIndex:
                    return ApplySerialNumber(value, length);
                case WandProfile.SelfTestIndex:
                    return ApplySelfTest(value, length);
                case WandProfile.RoutineCatalogIndex:
                    return ApplyCatalogSelection(value, length);
                case WandProfile.SessionHistoryIndex:
                    return ApplyHistorySelection(value, length);
                case WandProfile.CurrentTimeIndex:
                    return ApplyCurrentTime(value, length);
                default:
                    return AttError.WriteNotPermitted;
            }
        }

        private AttError ApplyControlPoint(byte[] value, int length)
        {
            AttError decoded = command.Decode(value, 0, length);
            if (decoded != AttError.Success)
            {
                return decoded;
            }

            CommandResult result;
            switch (command.Opcode)
            {
                case ControlPointOpcode.StartSession:
                    result = controller.StartRemote(command.Level, command.Pattern, command.DurationSeconds);
                    break;
                case ControlPointOpcode.StopSession:
                    result = controller.StopRemote();
                    break;
                case ControlPointOpcode.SetLevel:
                    result = controller.SetLevel(command.Level);
                    break;
                case ControlPointOpcode.SetPattern:
                    result = controller.SetPattern(command.Pattern);
                    break;
                case ControlPointOpcode.StartRoutine:
                    result = controller.StartRoutineRemote(command.Routine);
                    break;
                case ControlPointOpcode.Pause:
                    result = controller.PauseRemote();
                    break;
                case ControlPointOpcode.Resume:
                    result = controller.ResumeRemote();
                    break;
                default:
                    return AttError.OpcodeNotSupported;
            }

            if (result != CommandResult.Success)
            {
                // Refused by device state: the write fails with 0x90 + result and nothing changed (SR-14).
                return CommandRefusal.ToAttError(result);
            }

            // Stored first, then notified: a read of the control point after the notification returns the same result.
            response.Set(command.Opcode, result, (int)controller.EffectiveMaximumLevel);
            int responseLength = response.Encode(scratch, 0);
            NotifyIfSubscribed(WandProfile.ControlPointIndex, scratch, responseLength);
            return AttError.Success;
        }

        private AttError ApplySettings(byte[] value, int length)
        {
            AttError decoded = settings.Decode(value, 0, length);
            if (decoded != AttError.Success)
            {
                return decoded;
            }

            CommandResult result = controller.UpdateSettings(settings.DefaultSessionSeconds, settings.DefaultLevel, settings.DefaultPattern);
            if (result != CommandResult.Success)
            {
                // Inside the protocol's range but above this board's (possibly tightened) maximum session.
                return CommandRefusal.ToAttError(result);
            }

            return controller.SaveSettings() ? AttError.Success : CommandRefusal.ToAttError(CommandResult.Failed);
        }

        private AttError ApplyFaultLogSelection(byte[] value, int length)
        {
            int first;
            AttError decoded = FaultLogPage.DecodeSelection(value, 0, length, out first);
            if (decoded != AttError.Success)
            {
                return decoded;
            }

            faultPageFirst = first;
            return AttError.Success;
        }

        private AttError ApplyCalibration(byte[] value, int length)
        {
            AttError decoded = calibration.Decode(value, 0, length);
            if (decoded != AttError.Success)
            {
                return decoded;
            }

            return CommandRefusal.ToAttError(controller.WriteCalibration(calibration));
        }

        private AttError ApplySensorCalibration(byte[] value, int length)
        {
            AttError decoded = sensorCalibration.Decode(value, 0, length);
            if (decoded != AttError.Success)
            {
                return decoded;
            }

            return CommandRefusal.ToAttError(controller.WriteSensorCalibration(sensorCalibration));
        }

        private AttError ApplyRawDrive(byte[] value, int length)
        {
            AttError decoded = rawDrive.Decode(value, 0, length);
            if (decoded != AttError.Success)
            {
                return decoded;
            }

            return CommandRefusal.ToAttError(controller.RawDrive(rawDrive.Millivolts, rawDrive.DurationMilliseconds));
        }

        private AttError ApplySerialNumber(byte[] value, int length)
        {
            AttError decoded = serialNumber.Decode(value, 0, length);
            if (decoded != AttError.Success)
            {
                return decoded;
            }

            int encodedLength = serialNumber.Encode(scratch, 0);
            if (!storage.Write(StorageSlot.Identity, scratch, encodedLength))
            {
                LoadSerialNumber();
                return CommandRefusal.ToAttError(CommandResult.Failed);
            }

            return AttError.Success;
        }

        private AttError ApplySelfTest(byte[] value, int length)
        {
            AttError decoded = SelfTestReport.DecodeCommand(value, 0, length);
            if (decoded != AttError.Success)
            {
                return decoded;
            }

            RunSelfTest();
            int reportLength = selfTest.Encode(scratch, 0);
            NotifyIfSubscribed(WandProfile.SelfTestIndex, scratch, reportLength);
            return AttError.Success;
        }

        private void LoadSerialNumber()
        {
            int length = storage.Read(StorageSlot.Identity, scratch);
            if (length <= 0 || serialNumber.Decode(scratch, 0, length) != AttError.Success)
            {
                serialNumber.Set(string.Empty);
            }
        }
    }
}
