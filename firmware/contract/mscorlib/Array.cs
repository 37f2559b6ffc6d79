// Contract of nanoFramework.CoreLibrary 1.17.11 (mscorlib). Checked against nanoframework/CoreLibrary
//   nanoFramework.CoreLibrary/System/Array.cs      @ 380fe6a6167637fe46cb311113ee77c77c119d70 (reflection build:
//   Array implements ICloneable and IList; CreateInstance and Clone exist only there)
//   nanoFramework.CoreLibrary/System/ICloneable.cs (listed in the index at 5942dc0; same one-method shape as .NET).
// Only the members firmware code uses are declared, plus those that implement ICloneable, IList and ICollection (an
// abstract class must implement its interfaces). Left out: Copy(Array, Array, int), Clear, IndexOf, BinarySearch.
using System.Collections;

namespace System
{
    [Serializable]
    public abstract class Array : ICloneable, IList
    {
        public static extern void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length);

        public extern int Length { get; }

        int ICollection.Count { get { return 0; } }

        public object SyncRoot { get { return null; } }

        public bool IsReadOnly { get { return false; } }

        public bool IsFixedSize { get { return true; } }

        public bool IsSynchronized { get { return false; } }

        extern object IList.this[int index] { get; set; }

        int IList.Add(object value) { return 0; }

        bool IList.Contains(object value) { return false; }

        void IList.Clear() { }

        int IList.IndexOf(object value) { return 0; }

        void IList.Insert(int index, object value) { }

        void IList.Remove(object value) { }

        void IList.RemoveAt(int index) { }

        public object Clone() { return null; }

        public void CopyTo(Array array, int index) { }

        public IEnumerator GetEnumerator() { return null; }
    }

    public interface ICloneable
    {
        object Clone();
    }
}
