// Contract of nanoFramework.CoreLibrary 1.17.11 (mscorlib). Checked against nanoframework/CoreLibrary
//   nanoFramework.CoreLibrary/System/Collections/ICollection.cs @ 1f779f14aa76c292ce66303794d3f35dddc35cbb
//   nanoFramework.CoreLibrary/System/Collections/IList.cs       @ 5942dc0ab1e479e62e87649bb976588549cdc94e
//   nanoFramework.CoreLibrary/System/Collections/IEnumerator.cs @ 1f779f14aa76c292ce66303794d3f35dddc35cbb
//   nanoFramework.CoreLibrary/System/Collections/IEnumerable.cs (index at 9b81d28; GetEnumerator() only).
// No generic collection is declared: nanoFramework 1.x has none (List<T> must fail the build).
namespace System.Collections
{
    public interface IEnumerable
    {
        IEnumerator GetEnumerator();
    }

    public interface IEnumerator
    {
        object Current { get; }

        bool MoveNext();

        void Reset();
    }

    public interface ICollection : IEnumerable
    {
        int Count { get; }

        object SyncRoot { get; }

        bool IsSynchronized { get; }

        void CopyTo(Array array, int index);
    }

    public interface IList : ICollection
    {
        object this[int index] { get; set; }

        bool IsReadOnly { get; }

        bool IsFixedSize { get; }

        int Add(object value);

        bool Contains(object value);

        void Clear();

        int IndexOf(object value);

        void Insert(int index, object value);

        void Remove(object value);

        void RemoveAt(int index);
    }
}
