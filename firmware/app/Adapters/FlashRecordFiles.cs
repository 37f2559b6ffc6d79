using System.IO;
using Wand.Core.Platform;

namespace Wand.Firmware.Adapters
{
    /// <summary>
    /// Whole-file access to the ESP32's internal LittleFS partition ("config", 256 KiB at 0x3C0000 in the 4 MB layout),
    /// which nanoFramework mounts as drive I: in images built with NF_FEATURE_USE_LITTLEFS (ESP32_BLE_REV0 is). The file
    /// system survives app redeploys, unlike the deployment partition. Atomicity comes from
    /// <see cref="AlternatingRecordStore"/>, which never overwrites the newest valid copy.
    /// </summary>
    public sealed class FlashRecordFiles : IRecordFiles
    {
        private readonly string _directory;

        /// <summary>Initializes a new instance of the <see cref="FlashRecordFiles"/> class.</summary>
        /// <param name="directory">Directory with trailing separator, for example "I:\\".</param>
        public FlashRecordFiles(string directory)
        {
            _directory = directory;
        }

        /// <inheritdoc/>
        public int Read(string name, byte[] buffer)
        {
            string path = _directory + name;
            try
            {
                if (!File.Exists(path))
                {
                    return -1;
                }

                byte[] bytes = File.ReadAllBytes(path);
                if (bytes.Length > buffer.Length)
                {
                    return bytes.Length;
                }

                System.Array.Copy(bytes, 0, buffer, 0, bytes.Length);
                return bytes.Length;
            }
            catch (IOException)
            {
                return -1;
            }
        }

        /// <inheritdoc/>
        public bool Write(string name, byte[] data, int length)
        {
            byte[] exact = new byte[length];
            System.Array.Copy(data, 0, exact, 0, length);
            try
            {
                File.WriteAllBytes(_directory + name, exact);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }
    }
}
