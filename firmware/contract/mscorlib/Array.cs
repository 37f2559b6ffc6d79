// Contract: nanoFramework.CoreLibrary 1.17.11, nanoFramework.CoreLibrary/System/Array.cs.
namespace System
{
    [Serializable]
    public abstract class Array : System.Collections.IList, ICloneable
    {
        public extern int Length { get; }
        public static extern void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length);
        public static extern void Clear(Array array, int index, int length);
        public extern object Clone();
        public System.Collections.IEnumerator GetEnumerator() { return null; }
        int System.Collections.ICollection.Count { get { return 0; } }
        object System.Collections.IList.this[int index] { get { return null; } set { } }
        int System.Collections.IList.Add(object value) { return 0; }
        bool System.Collections.IList.Contains(object value) { return false; }
        void System.Collections.IList.Clear() { }
        int System.Collections.IList.IndexOf(object value) { return 0; }
        void System.Collections.IList.Insert(int index, object value) { }
        void System.Collections.IList.Remove(object value) { }
        void System.Collections.IList.RemoveAt(int index) { }
        bool System.Collections.IList.IsReadOnly { get { return false; } }
        bool System.Collections.IList.IsFixedSize { get { return true; } }
        void System.Collections.ICollection.CopyTo(Array array, int index) { }
        object System.Collections.ICollection.SyncRoot { get { return null; } }
        bool System.Collections.ICollection.IsSynchronized { get { return false; } }
    }

    public interface ICloneable
    {
        object Clone();
    }
}
