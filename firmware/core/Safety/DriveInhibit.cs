namespace Wand.Core.Safety
{
    /// <summary>
    /// Reasons the governor must hold the motor at zero this tick. The monitors detect; the governor enforces (SR-2).
    /// Any non-zero combination means zero drive in the same tick (SR-13).
    /// </summary>
    public static class DriveInhibit
    {
        /// <summary>No reason: drive is allowed.</summary>
        public const int None = 0;

        /// <summary>No session is running.</summary>
        public const int NoSession = 1 << 0;

        /// <summary>No known head is confirmed (SR-6).</summary>
        public const int HeadNotConfirmed = 1 << 1;

        /// <summary>Thermal trip latched, or the NTC reading is implausible or missing (SR-7).</summary>
        public const int Thermal = 1 << 2;

        /// <summary>Battery cut-off latched (SR-8).</summary>
        public const int BatteryCutoff = 1 << 3;

        /// <summary>USB power present (SR-9).</summary>
        public const int UsbPower = 1 << 4;

        /// <summary>The control loop missed its deadline (SR-10).</summary>
        public const int LoopDeadline = 1 << 5;

        /// <summary>An exception in the control path (SR-12).</summary>
        public const int ControlException = 1 << 6;

        /// <summary>The head is lifted off the skin (HD-5); a pause, not a fault.</summary>
        public const int SkinContactLost = 1 << 7;
    }
}
