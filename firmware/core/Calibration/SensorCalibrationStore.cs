using Wand.Core.Hardware;
using Wand.Protocol.Factory;
using Wand.Protocol.Profile;

namespace Wand.Core.Calibration
{
    /// <summary>
    /// Loads and saves the sensor calibration (SR-18) in its own storage slot next to the motor calibration. A missing,
    /// corrupt (CRC), unknown-version or implausible record is never used: the correction stays the identity and the
    /// caller shifts the limits by the uncalibrated worst case.
    /// </summary>
    public sealed class SensorCalibrationStore
    {
        /// <summary>Problem code: no record stored.</summary>
        public const byte ProblemMissing = 1;

        /// <summary>Problem code: wrong length, CRC mismatch, unknown version or an implausible value.</summary>
        public const byte ProblemCorrupt = 2;

        private readonly IPersistentStorage storage;
        private readonly byte[] buffer = new byte[64];
        private readonly SensorCalibrationRecord scratch = new SensorCalibrationRecord();

        /// <summary>Initializes a new instance of the <see cref="SensorCalibrationStore"/> class.</summary>
        /// <param name="storage">The persistent storage.</param>
        public SensorCalibrationStore(IPersistentStorage storage)
        {
            this.storage = storage;
        }

        /// <summary>Gets why the last <see cref="TryLoad"/> found no usable record: 0 (none) or a <c>Problem…</c> code.</summary>
        public byte LastLoadProblem { get; private set; }

        /// <summary>Loads the stored record into a correction, or clears the correction when it cannot be used.</summary>
        /// <param name="correction">The correction to load.</param>
        /// <returns><c>true</c> when the stored record is in use.</returns>
        public bool TryLoad(SensorCorrection correction)
        {
            int length = storage.Read(StorageSlot.SensorCalibration, buffer);
            if (length <= 0)
            {
                correction.Clear();
                LastLoadProblem = ProblemMissing;
                return false;
            }

            if (scratch.Decode(buffer, 0, length) != AttError.Success)
            {
                correction.Clear();
                LastLoadProblem = ProblemCorrupt;
                return false;
            }

            correction.Load(scratch);
            LastLoadProblem = 0;
            return true;
        }

        /// <summary>Stores a record, replacing the old one atomically, and reads it back.</summary>
        /// <param name="record">A record that decodes without error.</param>
        /// <returns><c>true</c> when stored and read back identical; <c>false</c> when the previous record is still in place or the read-back differs.</returns>
        public bool Save(SensorCalibrationRecord record)
        {
            int length = record.Encode(buffer, 0);
            if (!storage.Write(StorageSlot.SensorCalibration, buffer, length))
            {
                return false;
            }

            int readBack = storage.Read(StorageSlot.SensorCalibration, buffer);
            return readBack == length
                && scratch.Decode(buffer, 0, readBack) == AttError.Success
                && scratch.SameValues(record);
        }

        /// <summary>Reads the stored record as it is, for the Factory service.</summary>
        /// <param name="record">Receives the record when one decodes.</param>
        /// <returns><c>true</c> when a valid record is stored.</returns>
        public bool TryRead(SensorCalibrationRecord record)
        {
            int length = storage.Read(StorageSlot.SensorCalibration, buffer);
            return length > 0 && record.Decode(buffer, 0, length) == AttError.Success;
        }
    }
}
