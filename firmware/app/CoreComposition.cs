using nanoFramework.Runtime.Native;
using Wand.Core.Board;
using Wand.Core.Control;
using Wand.Core.Gatt;
using Wand.Core.Hardware;

namespace Wand.Firmware
{
    /// <summary>Builds the firmware core (boot stage 4) with the device's Device Information texts.</summary>
    public static class CoreComposition
    {
        /// <summary>Manufacturer name served in Device Information (0x2A29).</summary>
        public const string ManufacturerName = "WandFirmware";

        /// <summary>Model number served in Device Information (0x2A24).</summary>
        public const string ModelNumber = "WAND-1";

        /// <summary>Board revision served in Device Information (0x2A27).</summary>
        public const string HardwareRevision = "ESP32-WROOM-32 r1";

        /// <summary>Application version served in Device Information (0x2A28); keep equal to AssemblyVersion.</summary>
        public const string SoftwareRevision = "1.0.0";

        /// <summary>Creates the core on the adapters; its first act turns the motor off again (SR-1).</summary>
        /// <param name="profile">The checked board profile.</param>
        /// <param name="io">The device's adapters.</param>
        /// <param name="notifications">Where GATT notifications go (the BLE server, once it runs).</param>
        /// <returns>The core.</returns>
        public static DeviceCore Create(BoardProfile profile, BoardIo io, NotificationRelay notifications)
        {
            // Firmware revision: the nanoCLR version, for example "1.17.0.339".
            DeviceIdentity identity = new DeviceIdentity(
                ManufacturerName,
                ModelNumber,
                HardwareRevision,
                SystemInfo.Version.ToString(),
                SoftwareRevision);
            return new DeviceCore(new WandRuntime(profile, io, identity, notifications));
        }
    }
}
