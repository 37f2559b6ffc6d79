namespace Wand.Core.Hardware
{
    /// <summary>
    /// Non-volatile storage of small records (calibration, settings, session history). An implementation must replace a record
    /// atomically: after a power loss during <see cref="Write"/>, a later <see cref="Read"/> returns either the old
    /// record or the new one, never a mixture.
    /// </summary>
    public interface IPersistentStorage
    {
        /// <summary>
        /// Reads a stored record into <paramref name="buffer"/>.
        /// </summary>
        /// <param name="slot">Which record to read.</param>
        /// <param name="buffer">Destination; must be at least <see cref="StorageSlot"/>'s maximum record size (256 bytes).</param>
        /// <returns>Number of bytes read, 0 to the buffer length; 0 when the record does not exist.</returns>
        int Read(StorageSlot slot, byte[] buffer);

        /// <summary>
        /// Replaces a stored record atomically.
        /// </summary>
        /// <param name="slot">Which record to replace.</param>
        /// <param name="data">Source bytes.</param>
        /// <param name="length">Number of bytes of <paramref name="data"/> to store, 1 to 256.</param>
        /// <returns><c>true</c> when the new record is durably stored; <c>false</c> when the old one is still in place.</returns>
        bool Write(StorageSlot slot, byte[] data, int length);
    }

    /// <summary>
    /// The records kept in persistent storage. Each holds at most 256 bytes.
    /// </summary>
    public enum StorageSlot
    {
        /// <summary>The per-unit motor calibration record (SR-16).</summary>
        Calibration = 0,

        /// <summary>User settings (session duration, default level and pattern).</summary>
        Settings = 1,

        /// <summary>Device identity written at the factory (serial number).</summary>
        Identity = 2,

        /// <summary>Session history, entries 1–8 of each 32 (BP-6).</summary>
        History0 = 3,

        /// <summary>Session history, entries 9–16 of each 32 (BP-6).</summary>
        History1 = 4,

        /// <summary>Session history, entries 17–24 of each 32 (BP-6).</summary>
        History2 = 5,

        /// <summary>Session history, entries 25–32 of each 32 (BP-6).</summary>
        History3 = 6,

        /// <summary>The per-unit sensor calibration record (SR-18), next to the motor calibration.</summary>
        SensorCalibration = 7,
    }
}
