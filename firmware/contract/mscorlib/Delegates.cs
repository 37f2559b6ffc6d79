// Contract of nanoFramework.CoreLibrary 1.17.11 (mscorlib). Checked against nanoframework/CoreLibrary
//   nanoFramework.CoreLibrary/System/Delegate.cs          @ 1f779f14aa76c292ce66303794d3f35dddc35cbb
//   nanoFramework.CoreLibrary/System/MulticastDelegate.cs @ 5942dc0ab1e479e62e87649bb976588549cdc94e
// Delegate and MulticastDelegate override Equals but not GetHashCode (the native heap supplies it), exactly as the
// source does. Combine and Remove are what field-like events compile to. EventArgs and EventHandler are left out:
// no firmware event uses them.
namespace System
{
    [Serializable]
    public abstract class Delegate
    {
        public override extern bool Equals(object obj);

        public static extern Delegate Combine(Delegate a, Delegate b);

        public static extern Delegate Remove(Delegate source, Delegate value);

        public static extern bool operator ==(Delegate d1, Delegate d2);

        public static extern bool operator !=(Delegate d1, Delegate d2);
    }

    [Serializable]
    public abstract class MulticastDelegate : Delegate
    {
        public static extern bool operator ==(MulticastDelegate d1, MulticastDelegate d2);

        public static extern bool operator !=(MulticastDelegate d1, MulticastDelegate d2);

        public override bool Equals(object obj) { return false; }
    }
}
