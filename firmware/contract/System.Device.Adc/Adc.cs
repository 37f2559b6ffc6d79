// Contract of nanoFramework.System.Device.Adc 1.1.24 (assembly System.Device.Adc).
// Checked against nanoframework/System.Device.Adc:
//   System.Device.Adc/AdcController.cs     @ 640abe48059b93931b21e184d11228e5e4278f2b (class : AdcControllerBase)
//   System.Device.Adc/AdcControllerBase.cs @ 4403f4609826bd364e8f70a54bf78402974b3e28
//   System.Device.Adc/AdcChannel.cs        @ 4403f4609826bd364e8f70a54bf78402974b3e28
//   System.Device.Adc/AdcChannelBase.cs    @ 2199e06eda009e14fe21e3da4cd850ac95e5f27d
// An older copy (@ 46bf96286b9e, sealed AdcController : IAdcController) predates the base classes; main at a5c8495
// (just after the v1.1.24 tag) has the base-class shape used here.
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
