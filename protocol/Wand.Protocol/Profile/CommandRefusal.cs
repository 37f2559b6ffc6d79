using Wand.Protocol.Vocabulary;

namespace Wand.Protocol.Profile
{
    /// <summary>
    /// Maps a <see cref="CommandResult"/> to the ATT error of a write that has no result notification (settings,
    /// fault-log selection and the Factory service): 0x90 + the result's value, for example Busy (12) → 0x9C.
    /// </summary>
    public static class CommandRefusal
    {
        /// <summary>The first ATT error of the refusal range; 0x90 + <see cref="CommandResult"/> value.</summary>
        public const byte Base = 0x90;

        /// <summary>Gives the ATT error for a command result.</summary>
        /// <param name="result">The device's answer to the request.</param>
        /// <returns><see cref="AttError.Success"/> for success, 0x90 + the value for results 1–15, otherwise 0x0E (unlikely error).</returns>
        public static AttError ToAttError(CommandResult result)
        {
            int value = (int)result;
            if (value == 0)
            {
                return AttError.Success;
            }

            return value <= 0x0F ? (AttError)(Base + value) : AttError.UnlikelyError;
        }
    }
}
