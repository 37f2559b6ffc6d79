namespace Wand.Core.Gatt
{
    /// <summary>
    /// The fixed texts of the Device Information service (BP-2). The serial number is not here: it is provisioned in the
    /// factory and kept in persistent storage.
    /// </summary>
    public sealed class DeviceIdentity
    {
        /// <summary>Initializes a new instance of the <see cref="DeviceIdentity"/> class.</summary>
        /// <param name="manufacturerName">Manufacturer name, ASCII, at most 20 characters.</param>
        /// <param name="modelNumber">Model number, ASCII, at most 20 characters.</param>
        /// <param name="hardwareRevision">Board revision, ASCII, at most 20 characters.</param>
        /// <param name="firmwareRevision">nanoCLR firmware version, ASCII, at most 20 characters.</param>
        /// <param name="softwareRevision">Application version, ASCII, at most 20 characters.</param>
        public DeviceIdentity(string manufacturerName, string modelNumber, string hardwareRevision, string firmwareRevision, string softwareRevision)
        {
            ManufacturerName = manufacturerName;
            ModelNumber = modelNumber;
            HardwareRevision = hardwareRevision;
            FirmwareRevision = firmwareRevision;
            SoftwareRevision = softwareRevision;
        }

        /// <summary>Gets the manufacturer name.</summary>
        public string ManufacturerName { get; }

        /// <summary>Gets the model number.</summary>
        public string ModelNumber { get; }

        /// <summary>Gets the board revision.</summary>
        public string HardwareRevision { get; }

        /// <summary>Gets the nanoCLR firmware version.</summary>
        public string FirmwareRevision { get; }

        /// <summary>Gets the application version.</summary>
        public string SoftwareRevision { get; }
    }
}
