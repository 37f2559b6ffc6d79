// Contract of nanoFramework.CoreLibrary 1.17.11 (mscorlib). Checked against nanoframework/CoreLibrary
//   System/Attribute.cs                          @ 5942dc0ab1e479e62e87649bb976588549cdc94e
//   System/AttributeUsageAttribute.cs            @ 5942dc0ab1e479e62e87649bb976588549cdc94e
//   System/AttributeTargets.cs                   @ 1f779f14aa76c292ce66303794d3f35dddc35cbb (no GenericParameter)
//   System/ParamArrayAttribute.cs                @ 1f779f14aa76c292ce66303794d3f35dddc35cbb
//   System/Diagnostics/ConditionalAttribute.cs   @ 37c85de3f058bbe55f0515ebd0d39ce343a9a92a (Method only)
//   System/Reflection/AssemblyAttributes.cs      @ 1f779f14aa76c292ce66303794d3f35dddc35cbb (AssemblyVersion)
//   System/Reflection/AssemblyReflectionAttributes.cs @ 1f779f14aa76c292ce66303794d3f35dddc35cbb (Title, Product, Copyright)
//   System/FlagsAttribute.cs, System/SerializableAttribute (pseudo-attribute), System/ObsoleteAttribute.cs and
//   System/Reflection/DefaultMemberAttribute.cs are listed in the index (9b81d28 / 5942dc0); the compiler needs them
//   for [Flags], [Serializable], [Obsolete] and for indexers in interfaces.
namespace System
{
    [Serializable, AttributeUsage(AttributeTargets.All)]
    public abstract class Attribute
    {
        protected Attribute() { }
    }

    [Flags]
    [Serializable]
    public enum AttributeTargets
    {
        Assembly = 0x0001,
        Module = 0x0002,
        Class = 0x0004,
        Struct = 0x0008,
        Enum = 0x0010,
        Constructor = 0x0020,
        Method = 0x0040,
        Property = 0x0080,
        Field = 0x0100,
        Event = 0x0200,
        Interface = 0x0400,
        Parameter = 0x0800,
        Delegate = 0x1000,
        ReturnValue = 0x2000,
        All = Assembly | Module | Class | Struct | Enum | Constructor | Method | Property | Field | Event | Interface | Parameter | Delegate | ReturnValue,
    }

    [AttributeUsage(AttributeTargets.Class), Serializable]
    public sealed class AttributeUsageAttribute : Attribute
    {
        public AttributeUsageAttribute(AttributeTargets validOn) { }

        public AttributeTargets ValidOn { get { return AttributeTargets.All; } }

        public bool AllowMultiple { get { return false; } set { } }

        public bool Inherited { get { return true; } set { } }
    }

    [AttributeUsage(AttributeTargets.Enum)]
    [Serializable]
    public class FlagsAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class ParamArrayAttribute : Attribute
    {
        public ParamArrayAttribute() { }
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Delegate)]
    public sealed class SerializableAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Event | AttributeTargets.Interface | AttributeTargets.Delegate, Inherited = false)]
    [Serializable]
    public sealed class ObsoleteAttribute : Attribute
    {
        public ObsoleteAttribute() { }

        public ObsoleteAttribute(string message) { }

        public ObsoleteAttribute(string message, bool error) { }

        public string Message { get { return null; } }

        public bool IsError { get { return false; } }
    }
}

namespace System.Diagnostics
{
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    [Serializable]
    public sealed class ConditionalAttribute : Attribute
    {
        public ConditionalAttribute(string conditionString) { }

        public string ConditionString { get { return null; } }
    }
}

namespace System.Reflection
{
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface)]
    [Serializable]
    public sealed class DefaultMemberAttribute : Attribute
    {
        public DefaultMemberAttribute(string memberName) { }

        public string MemberName { get { return null; } }
    }

    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class AssemblyVersionAttribute : Attribute
    {
        public AssemblyVersionAttribute(string version) { }
    }

    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class AssemblyTitleAttribute : Attribute
    {
        public AssemblyTitleAttribute(string title) { }
    }

    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class AssemblyProductAttribute : Attribute
    {
        public AssemblyProductAttribute(string product) { }
    }

    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class AssemblyCopyrightAttribute : Attribute
    {
        public AssemblyCopyrightAttribute(string copyright) { }
    }
}
