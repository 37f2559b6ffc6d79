using Wand.Core.Board;
using Wand.Core.Calibration;
using Wand.Core.Faults;
using Wand.Protocol.Codec;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;

namespace Wand.Core.Gatt
{
    /// <summary>
    /// Encoding of every readable or notifiable value from the controller's state.
    /// </summary>
    public sealed partial class WandGattServer
    {
        private int Encode(int characteristicIndex, byte[] buffer)
        {
            switch (characteristicIndex)
            {
                case WandProfile.ControlPointIndex:
                    return response.Encode(buffer, 0);
                case WandProfile.StatusIndex:
                    FillStatus();
                    return status.Encode(buffer, 0);
                case WandProfile.SettingsIndex:
                    settings.DefaultSessionSeconds = controller.Settings.DurationSeconds;
                    settings.DefaultLevel = controller.Settings.DefaultLevel;
                    settings.DefaultPattern = controller.Settings.DefaultPattern;
                    return settings.Encode(buffer, 0);
                case WandProfile.HeadIndex:
                    FillHead();
                    return head.Encode(buffer, 0);
                case WandProfile.LimitsIndex:
                    FillLimits();
                    return limits.Encode(buffer, 0);
                case WandProfile.FaultLogIndex:
                    FillFaultPage();
                    return faultPage.Encode(buffer, 0);
                case WandProfile.ProtocolVersionIndex:
                    FillVersion();
                    return version.Encode(buffer, 0);
                case WandProfile.CalibrationIndex:
                    CalibrationRules.Copy(controller.Calibration, calibration);
                    return calibration.Encode(buffer, 0);
                case WandProfile.SensorCalibrationIndex:
                    controller.SensorCalibration.CopyTo(sensorCalibration);
                    return sensorCalibration.Encode(buffer, 0);
                case WandProfile.RawSensorsIndex:
                    FillRawSensors();
                    return rawSensors.Encode(buffer, 0);
                case WandProfile.FactorySerialIndex:
                case WandProfile.SerialNumberIndex:
                    return serialNumber.Encode(buffer, 0);
                case WandProfile.SelfTestIndex:
                    return selfTest.Encode(buffer, 0);
                case WandProfile.ManufacturerNameIndex:
                    return AsciiText.Encode(identity.ManufacturerName, buffer, 0, WandProfile.DeviceInformationMaximumLength);
                case WandProfile.ModelNumberIndex:
                    return AsciiText.Encode(identity.ModelNumber, buffer, 0, WandProfile.DeviceInformationMaximumLength);
                case WandProfile.HardwareRevisionIndex:
                    return AsciiText.Encode(identity.HardwareRevision, buffer, 0, WandProfile.DeviceInformationMaximumLength);
                case WandProfile.FirmwareRevisionIndex:
                    return AsciiText.Encode(identity.FirmwareRevision, buffer, 0, WandProfile.DeviceInformationMaximumLength);
                case WandProfile.SoftwareRevisionIndex:
                    return AsciiText.Encode(identity.SoftwareRevision, buffer, 0, WandProfile.DeviceInformationMaximumLength);
                case WandProfile.BatteryLevelIndex:
                    return BatteryLevel.Encode(buffer, 0, controller.BatteryPercent);
                case WandProfile.RoutineIndex:
                    FillRoutineProgress();
                    return routineProgress.Encode(buffer, 0);
                case WandProfile.RoutineCatalogIndex:
                    FillCatalogPage();
                    return catalogPage.Encode(buffer, 0);
                case WandProfile.SessionHistoryIndex:
                    FillHistoryPage();
                    return historyPage.Encode(buffer, 0);
                case WandProfile.CurrentTimeIndex:
                    return EncodeCurrentTime(buffer);
                default:
                    return 0;
            }
        }

        private void FillStatus()
        {
            status.State = controller.SessionState;
            status.Source = controller.SessionSource;
            status.TargetLevel = controller.TargetLevel;
            status.DriveLevelTenths = (int)((controller.PresentLevel * 10f) + 0.5f);
            status.Pattern = controller.Pattern;
            status.Head = controller.ReportedHead;
            status.RemainingSeconds = (int)((controller.RemainingMilliseconds() + 999) / 1000);
            status.BatteryMillivolts = controller.BatteryMillivolts;
            status.HeadTemperatureCentidegrees = controller.HeadMillidegrees / 10;
            status.Flags = Indicators();
            status.ActiveFault = controller.ActiveFault;
            status.LastStopReason = controller.LastStopReason;
            status.BatteryPercent = controller.BatteryPercent;
        }

        private StatusIndicators Indicators()
        {
            StatusIndicators flags = StatusIndicators.None;
            if (controller.SessionEndingWarning)
            {
                flags |= StatusIndicators.SessionEndingWarning;
            }

            if (controller.BatteryWarning)
            {
                flags |= StatusIndicators.BatteryLow;
            }

            if (controller.ThermalDerating)
            {
                flags |= StatusIndicators.ThermalDerating;
            }

            if (controller.Charging)
            {
                flags |= StatusIndicators.Charging;
            }

            if (controller.IsFactoryMode())
            {
                flags |= StatusIndicators.FactoryMode;
            }

            if (controller.IsPairingWindowOpen())
            {
                flags |= StatusIndicators.PairingWindowOpen;
            }

            if (!controller.IsCalibrated)
            {
                flags |= StatusIndicators.CalibrationInvalid;
            }

            if (!controller.SensorsCalibrated)
            {
                flags |= StatusIndicators.SensorCalibrationMissing;
            }

            if (controller.FaultActive)
            {
                flags |= StatusIndicators.FaultActive;
            }

            if (controller.SkinContactLost)
            {
                flags |= StatusIndicators.SkinContactLost;
            }

            return flags | RoutineIndicators();
        }

        private void FillHead()
        {
            HeadDefinition definition = controller.HeadDefinition;
            head.Identity = controller.ReportedHead;
            head.MaximumLevel = definition == null ? 0 : definition.MaximumLevel;
            head.AllowedPatterns = definition == null ? 0 : definition.AllowedPatterns;
            head.SetName(definition == null ? string.Empty : definition.Name);
        }

        private void FillLimits()
        {
            SafetyLimits safety = controller.Limits;
            limits.MotorCeilingMillivolts = safety.RatedMotorMillivolts;
            limits.MaximumSessionSeconds = safety.MaximumSessionSeconds;
            limits.MaximumLevelNow = (int)controller.EffectiveMaximumLevel;
            limits.ThermalDerateCentidegrees = safety.DerateStartMillidegrees / 10;
            limits.ThermalTripCentidegrees = safety.TripMillidegrees / 10;
            limits.ThermalRestartCentidegrees = safety.ThermalRestartMillidegrees / 10;
            limits.BatteryWarningMillivolts = safety.BatteryWarningMillivolts;
            limits.BatteryCutoffMillivolts = safety.BatteryCutoffMillivolts;
            limits.BatteryRestartMillivolts = safety.BatteryRestartMillivolts;
        }

        private void FillFaultPage()
        {
            FaultLog log = controller.FaultLog;
            int first = faultPageFirst < log.Count ? faultPageFirst : 0;
            faultPage.Clear(log.Count, first);
            for (int age = first; age < log.Count; age++)
            {
                if (!faultPage.Add(log.CodeAt(age), log.ContextAt(age), (uint)log.TimeAt(age)))
                {
                    break;
                }
            }
        }

        private void FillVersion()
        {
            version.Major = ProtocolVersion.CurrentMajor;
            version.Minor = ProtocolVersion.CurrentMinor;
            ProtocolFeatures features = ProtocolFeatures.FactoryService | ProtocolFeatures.PagedFaultLog | ProtocolFeatures.SensorCalibration
                | ProtocolFeatures.Routines | ProtocolFeatures.Pause | ProtocolFeatures.SessionHistory | ProtocolFeatures.CurrentTime;
            if (controller.Profile.SkinContactSensing)
            {
                features |= ProtocolFeatures.SkinContactSensing;
            }

            version.Features = features;
        }

        private void FillRawSensors()
        {
            rawSensors.HeadIdCounts = controller.HeadCounts;
            rawSensors.ThermistorCounts = controller.ThermistorCounts;
            rawSensors.BatteryCounts = controller.BatteryCounts;
            rawSensors.BatteryMillivolts = controller.BatteryMillivolts;
            rawSensors.HeadTemperatureCentidegrees = controller.HeadMillidegrees / 10;
            rawSensors.DutyTenThousandths = (int)((controller.DutyCycle * 10000f) + 0.5f);
        }
    }
}
