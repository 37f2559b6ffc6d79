// Contract: nanoFramework.CoreLibrary 1.17.11, nanoFramework.CoreLibrary/System/Object.cs, ValueType.cs, Enum.cs, Void.cs.
namespace System
{
    public class Object
    {
        public Object() { }
        public virtual bool Equals(object obj) { return false; }
        public static bool Equals(object objA, object objB) { return false; }
        public static bool ReferenceEquals(object objA, object objB) { return false; }
        public virtual int GetHashCode() { return 0; }
        public extern Type GetType();
        public virtual string ToString() { return null; }
        protected extern object MemberwiseClone();
        ~Object() { }
    }

    [Serializable]
    public abstract class ValueType
    {
        public override extern bool Equals(object obj);
        public override int GetHashCode() { return 0; }
    }

    [Serializable]
    public abstract class Enum : ValueType
    {
        public override string ToString() { return null; }
        public bool HasFlag(Enum flag) { return false; }
    }

    [Serializable]
    public struct Void
    {
    }
}
