using Wand.Core.Board;
using Wand.Core.Hardware;
using Wand.Core.Motor;
using Wand.Protocol.Factory;
using Wand.Protocol.Profile;

namespace Wand.Core.Calibration
{
    /// <summary>
    /// Loads and saves the calibration record in persistent storage (SR-16). A missing, corrupt (CRC), unknown-version
    /// or out-of-limits record is never used: the safe defaults are, and the problem is reported.
    /// </summary>
    public sealed class CalibrationStore
    {
        /// <summary>Problem code: no record stored.</summary>
        public const byte ProblemMissing = 1;

        /// <summary>Problem code: wrong length, CRC mismatch or a format error.</summary>
        public const byte ProblemCorrupt = 2;

        /// <summary>Problem code: the record decodes but breaks a limit of this board.</summary>
        public const byte ProblemOutOfLimits = 3;

        /// <summary>Largest record the store reads, in bytes.</summary>
        public const int BufferLength = 64;

        private readonly IPersistentStorage storage;
        private readonly byte[] buffer = new byte[BufferLength];
        private readonly CalibrationRecord scratch = new CalibrationRecord();

        /// <summary>Initializes a new instance of the <see cref="CalibrationStore"/> class.</summary>
        /// <param name="storage">The persistent storage.</param>
        public CalibrationStore(IPersistentStorage storage)
        {
            this.storage = storage;
        }

        /// <summary>Gets why the last <see cref="TryLoad"/> fell back to defaults: 0 (no problem) or a <c>Problem…</c> code.</summary>
        public byte LastLoadProblem { get; private set; }

        /// <summary>Loads the stored record into a drive map, or the safe defaults when it cannot be used.</summary>
        /// <param name="map">The drive map to load.</param>
        /// <param name="limits">The limits the record must respect.</param>
        /// <returns><c>true</c> when the stored record is in use; <c>false</c> when the defaults are.</returns>
        public bool TryLoad(DriveMap map, SafetyLimits limits)
        {
            int length = storage.Read(StorageSlot.Calibration, buffer);
            if (length <= 0)
            {
                return FallBack(map, ProblemMissing);
            }

            if (scratch.Decode(buffer, 0, length) != AttError.Success)
            {
                return FallBack(map, ProblemCorrupt);
            }

            if (!CalibrationRules.IsValidFor(scratch, limits))
            {
                return FallBack(map, ProblemOutOfLimits);
            }

            map.Load(scratch, true);
            LastLoadProblem = 0;
            return true;
        }

        /// <summary>Stores a record, replacing the old one atomically, and reads it back.</summary>
        /// <param name="record">A record that passed <see cref="CalibrationRules.IsValidFor"/>.</param>
        /// <returns><c>true</c> when stored and read back identical; <c>false</c> when the previous record is still in place.</returns>
        public bool Save(CalibrationRecord record)
        {
            int length = record.Encode(buffer, 0);
            if (!storage.Write(StorageSlot.Calibration, buffer, length))
            {
                return false;
            }

            int readBack = storage.Read(StorageSlot.Calibration, buffer);
            return readBack == length
                && scratch.Decode(buffer, 0, readBack) == AttError.Success
                && CalibrationRules.SameValues(scratch, record);
        }

        private bool FallBack(DriveMap map, byte problem)
        {
            map.Load(CalibrationRules.CreateSafeDefaults(), false);
            LastLoadProblem = problem;
            return false;
        }
    }
}
