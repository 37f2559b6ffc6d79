// Contract: nanoFramework.CoreLibrary 1.17.11, nanoFramework.CoreLibrary/System/{Delegate,MulticastDelegate,EventHandler,EventArgs}.cs.
namespace System
{
    [Serializable]
    public abstract class Delegate
    {
        public static extern Delegate Combine(Delegate a, Delegate b);
        public static extern Delegate Remove(Delegate source, Delegate value);
        public static extern bool operator ==(Delegate d1, Delegate d2);
        public static extern bool operator !=(Delegate d1, Delegate d2);
        public override extern bool Equals(object obj);
        public override int GetHashCode() { return 0; }
    }

    [Serializable]
    public abstract class MulticastDelegate : Delegate
    {
        public static extern bool operator ==(MulticastDelegate d1, MulticastDelegate d2);
        public static extern bool operator !=(MulticastDelegate d1, MulticastDelegate d2);
        public override bool Equals(object obj) { return false; }
        public override int GetHashCode() { return 0; }
    }

    [Serializable]
    public class EventArgs
    {
        public static readonly EventArgs Empty = new EventArgs();
        public EventArgs() { }
    }

    [Serializable]
    public delegate void EventHandler(object sender, EventArgs e);
}
