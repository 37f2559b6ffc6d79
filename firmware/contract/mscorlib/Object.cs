// Contract of nanoFramework.CoreLibrary 1.17.11 (assembly mscorlib), the build with System.Reflection support
// (NANOCLR_REFLECTION), which is the flavour the nanoFramework.CoreLibrary package ships.
// Checked against nanoframework/CoreLibrary:
//   nanoFramework.CoreLibrary/System/Object.cs     @ 5942dc0ab1e479e62e87649bb976588549cdc94e
//   nanoFramework.CoreLibrary/System/ValueType.cs  @ 7811290bae76f849c790e107f83fc9354b6938ba
//   nanoFramework.CoreLibrary/System/Enum.cs       @ 5942dc0ab1e479e62e87649bb976588549cdc94e
// (index copies; the v1.17.11 tag itself is not stored separately, see ../README.md "Versions").
// Void has no source file of its own in the library (the runtime defines it); the compiler needs the type.
namespace System
{
    [Serializable]
    public class Object
    {
        public Object() { }

        public virtual string ToString() { return null; }

        public virtual extern bool Equals(object obj);

        public static extern bool ReferenceEquals(object objA, object objB);

        public virtual extern int GetHashCode();

        protected extern object MemberwiseClone();
    }

    [Serializable]
    public abstract class ValueType
    {
        public override extern bool Equals(object obj);
    }

    [Serializable]
    public abstract class Enum : ValueType
    {
        public override string ToString() { return null; }
    }

    public struct Void
    {
    }
}
