namespace Wand.Core.Platform
{
    /// <summary>
    /// Whole-file access to the device's internal flash file system, as small as <see cref="AlternatingRecordStore"/>
    /// needs. The device implements it with nanoFramework's <c>System.IO.File</c> on the internal drive; tests use a
    /// dictionary that can tear writes.
    /// </summary>
    public interface IRecordFiles
    {
        /// <summary>Reads a whole file.</summary>
        /// <param name="name">File name without directory, for example "calibration.a".</param>
        /// <param name="buffer">Destination.</param>
        /// <returns>Bytes read; -1 when the file is missing or unreadable; more than the buffer length when it does not fit
        /// (nothing is copied then).</returns>
        int Read(string name, byte[] buffer);

        /// <summary>Replaces a whole file. May be torn by a power loss; the caller protects against that.</summary>
        /// <param name="name">File name without directory.</param>
        /// <param name="data">Source bytes.</param>
        /// <param name="length">Number of bytes to write.</param>
        /// <returns><c>true</c> when the file system reported success.</returns>
        bool Write(string name, byte[] data, int length);
    }
}
