// Contract of nanoFramework.CoreLibrary 1.17.11 (mscorlib). Checked against nanoframework/CoreLibrary
//   System/Exception.cs                   @ 5942dc0ab1e479e62e87649bb976588549cdc94e
//   System/ArgumentException.cs           @ 5942dc0ab1e479e62e87649bb976588549cdc94e
//   System/ArgumentNullException.cs       @ 1f779f14aa76c292ce66303794d3f35dddc35cbb (ThrowIfNull, added with C# 10
//                                           attributes in that copy, is left out: not in every version read)
//   System/ArgumentOutOfRangeException.cs @ 1f779f14aa76c292ce66303794d3f35dddc35cbb
//   System/InvalidOperationException.cs   @ 5942dc0ab1e479e62e87649bb976588549cdc94e
// SystemException's constructors follow the pattern its subclasses chain to (message / message + inner). The
// Message, InnerException, StackTrace and ParamName properties are left out: no firmware code reads an exception.
namespace System
{
    [Serializable]
    public class Exception
    {
        protected int HResult;

        public Exception() { }

        public Exception(string message) { }

        public Exception(string message, Exception innerException) { }

        public override string ToString() { return null; }
    }

    [Serializable]
    public class SystemException : Exception
    {
        public SystemException() { }

        public SystemException(string message) { }

        public SystemException(string message, Exception innerException) { }
    }

    [Serializable]
    public class ArgumentException : SystemException
    {
        public ArgumentException() { }

        public ArgumentException(string message) { }

        public ArgumentException(string message, Exception innerException) { }

        public ArgumentException(string message, string paramName, Exception innerException) { }

        public ArgumentException(string message, string paramName) { }
    }

    [Serializable]
    public class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException() { }

        public ArgumentNullException(string paramName) { }

        public ArgumentNullException(string message, Exception innerException) { }

        public ArgumentNullException(string paramName, string message) { }
    }

    [Serializable]
    public class ArgumentOutOfRangeException : ArgumentException
    {
        public ArgumentOutOfRangeException() { }

        public ArgumentOutOfRangeException(string paramName) { }

        public ArgumentOutOfRangeException(string paramName, string message) { }
    }

    [Serializable]
    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException() { }

        public InvalidOperationException(string message) { }

        public InvalidOperationException(string message, Exception innerException) { }
    }
}

namespace System.IO
{
    // nanoFramework.CoreLibrary/System/IO/IOException.cs (listed in the index @ 9b81d28): the file system throws it.
    [Serializable]
    public class IOException : SystemException
    {
        public IOException() { }

        public IOException(string message) { }
    }
}
