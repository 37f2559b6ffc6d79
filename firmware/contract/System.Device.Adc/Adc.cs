// Contract of NuGet nanoFramework.System.Device.Adc 1.1.24 (assembly System.Device.Adc).
// Source: github.com/nanoframework/System.Device.Adc, tag v1.1.24 (commit ac05de033b9dbdc647b61e88e7a5fe28bc2057bf,
// 2025-04-02), folder System.Device.Adc/: AdcController.cs (class : AdcControllerBase), AdcControllerBase.cs,
// AdcChannel.cs, AdcChannelBase.cs.
// Only what the firmware uses: creating the controller, opening a channel, reading raw counts. Left out: the channel
// mode, counts and resolution members (abstract in the bases, overridden in AdcController), ReadRatio and Controller.
// The AdcChannel constructor is internal: channels come only from OpenChannel.
namespace System.Device.Adc
{
    public abstract class AdcControllerBase
    {
        public abstract AdcChannel OpenChannel(int channelNumber);
    }

    public class AdcController : AdcControllerBase
    {
        public AdcController() { }

        public override AdcChannel OpenChannel(int channelNumber) { return null; }
    }

    public abstract class AdcChannelBase
    {
        public abstract int ReadValue();
    }

    public class AdcChannel : AdcChannelBase, IDisposable
    {
        internal AdcChannel() { }

        public override int ReadValue() { return 0; }

        public void Dispose() { }
    }
}
