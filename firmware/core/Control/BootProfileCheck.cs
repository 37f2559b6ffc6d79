using Wand.Core.Board;

namespace Wand.Core.Control
{
    /// <summary>
    /// Boot stage 2: checks a board profile's pin map against the classic ESP32's pin rules. Sources: ESP32 datasheet
    /// (Espressif, v4.x) §2.2 pin description and §3.3 strapping pins; nanoFramework's ADC channel map
    /// (nf-interpreter targets/ESP32/_common/ESP32_DeviceMapping.cpp: channels 0–7 are ADC1 on GPIO 36, 37, 38, 39, 32,
    /// 33, 34, 35; 8–9 internal; 10–19 ADC2) and touch map (T0–T9 on GPIO 4, 0, 2, 15, 13, 12, 14, 27, 33, 32).
    /// </summary>
    public static class BootProfileCheck
    {
        private const int NoPin = -1;

        /// <summary>Checks every pin role of the profile.</summary>
        /// <param name="profile">The board profile.</param>
        /// <returns>The first problem found, or <see cref="ProfileProblem.None"/>.</returns>
        public static ProfileProblem Check(BoardProfile profile)
        {
            if (profile.MotorPwmFrequencyHertz < 1000 || profile.MotorPwmFrequencyHertz > 40000)
            {
                return ProfileProblem.PwmFrequencyOutOfRange;
            }

            if (!IsOutputCapable(profile.MotorPwmPin))
            {
                return ProfileProblem.MotorPinNotOutput;
            }

            if (TogglesAtBoot(profile.MotorPwmPin))
            {
                return ProfileProblem.MotorPinTogglesAtBoot;
            }

            int headIdPin = AdcChannelToGpio(profile.HeadIdAdcChannel);
            int temperaturePin = AdcChannelToGpio(profile.HeadTemperatureAdcChannel);
            int batteryPin = AdcChannelToGpio(profile.BatteryAdcChannel);
            if (headIdPin == NoPin || temperaturePin == NoPin || batteryPin == NoPin)
            {
                return ProfileProblem.AdcChannelNotAdc1;
            }

            if (profile.HeadIdAdcChannel == profile.HeadTemperatureAdcChannel
                || profile.HeadIdAdcChannel == profile.BatteryAdcChannel
                || profile.HeadTemperatureAdcChannel == profile.BatteryAdcChannel)
            {
                return ProfileProblem.AdcChannelShared;
            }

            if (!IsUsableInput(profile.ButtonPin) || !IsUsableInput(profile.UsbPowerPin) || !IsUsableInput(profile.FactoryStrapPin))
            {
                return ProfileProblem.InputPinUnusable;
            }

            int touchPin = NoPin;
            if (profile.SkinContactSensing)
            {
                touchPin = TouchPadToGpio(profile.TouchPadNumber);
                if (touchPin == NoPin || IsStrapping(touchPin))
                {
                    return ProfileProblem.TouchPadUnusable;
                }
            }

            int[] pins = new int[]
            {
                profile.MotorPwmPin, headIdPin, temperaturePin, batteryPin, profile.ButtonPin, profile.UsbPowerPin,
                profile.FactoryStrapPin, touchPin,
            };
            if (HasDuplicate(pins))
            {
                return ProfileProblem.PinShared;
            }

            return ProfileProblem.None;
        }

        /// <summary>Maps a nanoFramework ADC channel to its GPIO when it is an external ADC1 channel.</summary>
        /// <param name="channel">nanoFramework ADC channel number.</param>
        /// <returns>The GPIO, or -1 for internal, ADC2 or invalid channels.</returns>
        public static int AdcChannelToGpio(int channel)
        {
            switch (channel)
            {
                case 0: return 36;
                case 1: return 37;
                case 2: return 38;
                case 3: return 39;
                case 4: return 32;
                case 5: return 33;
                case 6: return 34;
                case 7: return 35;
                default: return NoPin;
            }
        }

        /// <summary>Maps an ESP32 touch pad number to its GPIO.</summary>
        /// <param name="pad">Touch pad number, 0 to 9.</param>
        /// <returns>The GPIO, or -1 for an invalid pad.</returns>
        public static int TouchPadToGpio(int pad)
        {
            switch (pad)
            {
                case 0: return 4;
                case 1: return 0;
                case 2: return 2;
                case 3: return 15;
                case 4: return 13;
                case 5: return 12;
                case 6: return 14;
                case 7: return 27;
                case 8: return 33;
                case 9: return 32;
                default: return NoPin;
            }
        }

        private static bool Exists(int gpio)
        {
            return (gpio >= 0 && gpio <= 19) || gpio == 21 || gpio == 22 || gpio == 23 || (gpio >= 25 && gpio <= 27) || (gpio >= 32 && gpio <= 39);
        }

        private static bool IsFlash(int gpio)
        {
            return gpio >= 6 && gpio <= 11;
        }

        private static bool IsOutputCapable(int gpio)
        {
            return Exists(gpio) && !IsFlash(gpio) && gpio < 34;
        }

        private static bool IsStrapping(int gpio)
        {
            return gpio == 0 || gpio == 2 || gpio == 5 || gpio == 12 || gpio == 15;
        }

        private static bool TogglesAtBoot(int gpio)
        {
            // Strapping pins, the UART0 pins (boot log) and GPIO 14 (outputs a PWM signal at boot, ESP32 datasheet §2.2).
            return IsStrapping(gpio) || gpio == 1 || gpio == 3 || gpio == 14;
        }

        private static bool IsUsableInput(int gpio)
        {
            return Exists(gpio) && !IsFlash(gpio) && !TogglesAtBoot(gpio);
        }

        private static bool HasDuplicate(int[] pins)
        {
            for (int first = 0; first < pins.Length; first++)
            {
                if (pins[first] == NoPin)
                {
                    continue;
                }

                for (int second = first + 1; second < pins.Length; second++)
                {
                    if (pins[first] == pins[second])
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
