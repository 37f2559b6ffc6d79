// Contract of nanoFramework.System.Device.Adc 1.1.24 (assembly System.Device.Adc).
// Checked against nanoframework/System.Device.Adc:
//   System.Device.Adc/AdcController.cs     @ 640abe48059b93931b21e184d11228e5e4278f2b (class : AdcControllerBase)
//   System.Device.Adc/AdcControllerBase.cs @ 4403f4609826bd364e8f70a54bf78402974b3e28
//   System.Device.Adc/AdcChannel.cs        @ 4403f4609826bd364e8f70a54bf78402974b3e28
//   System.Device.Adc/AdcChannelBase.cs    @ 2199e06eda009e14fe21e3da4cd850ac95e5f27d
// An older copy (@ 46bf96286b9e, sealed AdcController : IAdcController) predates the base classes; the fact sheet's
// main-branch reading (a5c8495, after the 1.1.24 tag) matches the base-class shape used here.
// AdcChannelMode { SingleEnded = 0, Differential } as in the fact sheet section 3. The AdcChannel constructor is
// internal: channels come only from OpenChannel. AdcChannel's own Controller property hides the base one in the
// source; only the base declaration is kept here (same name and type for callers).
namespace System.Device.Adc
{
    public enum AdcChannelMode
    {
        SingleEnded = 0,
        Differential,
    }

    public abstract class AdcControllerBase
    {
        public abstract bool IsChannelModeSupported(AdcChannelMode channelMode);

        public abstract AdcChannel OpenChannel(int channelNumber);

        public abstract int ChannelCount { get; }

        public abstract AdcChannelMode ChannelMode { get; set; }

        public abstract int MaxValue { get; }

        public abstract int MinValue { get; }

        public abstract int ResolutionInBits { get; }
    }

    public class AdcController : AdcControllerBase
    {
        public AdcController() { }

        public override int ChannelCount { get { return 0; } }

        public override AdcChannelMode ChannelMode { get { return AdcChannelMode.SingleEnded; } set { } }

        public override int MaxValue { get { return 0; } }

        public override int MinValue { get { return 0; } }

        public override int ResolutionInBits { get { return 0; } }

        public override bool IsChannelModeSupported(AdcChannelMode channelMode) { return false; }

        public override AdcChannel OpenChannel(int channelNumber) { return null; }
    }

    public abstract class AdcChannelBase
    {
        public abstract int ReadValue();

        public double ReadRatio() { return 0; }

        public AdcController Controller { get { return null; } }
    }

    public class AdcChannel : AdcChannelBase, IDisposable
    {
        internal AdcChannel() { }

        public override int ReadValue() { return 0; }

        public void Dispose() { }
    }
}
