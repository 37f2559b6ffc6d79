using Wand.Core.Board;
using Wand.Core.Hardware;
using Wand.Protocol.Profile;

namespace Wand.Core.Sessions
{
    /// <summary>
    /// Keeps the user settings across reboots, in the same 4-byte layout as the "settings" characteristic. A stored value
    /// that no longer fits the limits (for example after a board profile lowered the maximum session) is ignored.
    /// </summary>
    public sealed class SettingsStore
    {
        private readonly IPersistentStorage storage;
        private readonly Protocol.Messages.SessionSettings codec = new Protocol.Messages.SessionSettings();
        private readonly byte[] buffer = new byte[16];

        /// <summary>Initializes a new instance of the <see cref="SettingsStore"/> class.</summary>
        /// <param name="storage">The persistent storage.</param>
        public SettingsStore(IPersistentStorage storage)
        {
            this.storage = storage;
        }

        /// <summary>Loads stored settings, if any are stored and valid.</summary>
        /// <param name="settings">The settings to update.</param>
        /// <param name="limits">The limits in force.</param>
        /// <returns><c>true</c> when stored settings were applied.</returns>
        public bool TryLoad(SessionDefaults settings, SafetyLimits limits)
        {
            int length = storage.Read(StorageSlot.Settings, buffer);
            if (length <= 0 || codec.Decode(buffer, 0, length) != AttError.Success)
            {
                return false;
            }

            return settings.TrySet(codec.DefaultSessionSeconds, codec.DefaultLevel, codec.DefaultPattern, limits) == Protocol.Vocabulary.CommandResult.Success;
        }

        /// <summary>Stores the settings.</summary>
        /// <param name="settings">The settings.</param>
        /// <returns><c>true</c> when stored.</returns>
        public bool Save(SessionDefaults settings)
        {
            codec.DefaultSessionSeconds = settings.DurationSeconds;
            codec.DefaultLevel = settings.DefaultLevel;
            codec.DefaultPattern = settings.DefaultPattern;
            int length = codec.Encode(buffer, 0);
            return storage.Write(StorageSlot.Settings, buffer, length);
        }
    }
}
