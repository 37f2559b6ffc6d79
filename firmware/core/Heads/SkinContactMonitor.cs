using Wand.Core.Hardware;

namespace Wand.Core.Heads
{
    /// <summary>
    /// Optional skin-contact sense (HD-5): pauses vibration while the head is lifted. A lift is taken at once; contact
    /// must be stable for 200 ms before vibration resumes.
    /// </summary>
    public sealed class SkinContactMonitor
    {
        /// <summary>Contact must be stable this long before vibration resumes, in milliseconds.</summary>
        public const int ResumeMilliseconds = 200;

        private readonly ITouchSensor sensor;
        private bool inContact;
        private long touchingSince = -1;

        /// <summary>Initializes a new instance of the <see cref="SkinContactMonitor"/> class.</summary>
        /// <param name="sensor">The touch sensor; <c>null</c> disables the monitor (always in contact).</param>
        public SkinContactMonitor(ITouchSensor sensor)
        {
            this.sensor = sensor;
            inContact = sensor == null;
        }

        /// <summary>Gets a value indicating whether the head is in contact (always <c>true</c> when disabled).</summary>
        public bool InContact => inContact;

        /// <summary>Samples the sensor.</summary>
        /// <param name="now">Milliseconds since boot.</param>
        public void Sample(long now)
        {
            if (sensor == null)
            {
                return;
            }

            if (!sensor.IsTouching)
            {
                inContact = false;
                touchingSince = -1;
                return;
            }

            if (touchingSince < 0)
            {
                touchingSince = now;
            }

            if (now - touchingSince >= ResumeMilliseconds)
            {
                inContact = true;
            }
        }
    }
}
