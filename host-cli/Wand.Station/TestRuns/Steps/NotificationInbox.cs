using System;
using System.Collections.Generic;
using Wand.Host.Links;

namespace Wand.Host.TestRuns.Steps;

/// <summary>
/// Keeps the notifications a link delivers, per characteristic, until a step takes them. Thread-safe: links may
/// raise notifications on their own threads.
/// </summary>
public sealed class NotificationInbox
{
    /// <summary>Most notifications kept per characteristic; older ones are dropped.</summary>
    public const int Capacity = 256;

    private readonly Dictionary<Guid, Queue<byte[]>> queues = [];
    private readonly object sync = new();

    /// <summary>Raised after a notification was stored, on the link's thread.</summary>
    public event EventHandler<CharacteristicNotificationEventArgs>? Received;

    /// <summary>Stores a notification.</summary>
    /// <param name="characteristic">The notifying characteristic's UUID.</param>
    /// <param name="value">The value.</param>
    public void Add(Guid characteristic, ReadOnlyMemory<byte> value)
    {
        byte[] copy = value.ToArray();
        lock (sync)
        {
            if (!queues.TryGetValue(characteristic, out Queue<byte[]>? queue))
            {
                queue = new Queue<byte[]>();
                queues.Add(characteristic, queue);
            }

            if (queue.Count == Capacity)
            {
                queue.Dequeue();
            }

            queue.Enqueue(copy);
        }

        Received?.Invoke(this, new CharacteristicNotificationEventArgs(characteristic, copy));
    }

    /// <summary>Takes the oldest stored notification of a characteristic.</summary>
    /// <param name="characteristic">The characteristic's UUID.</param>
    /// <param name="value">The value, when one was stored.</param>
    /// <returns><c>true</c> if one was taken.</returns>
    public bool TryTake(Guid characteristic, out byte[] value)
    {
        lock (sync)
        {
            if (queues.TryGetValue(characteristic, out Queue<byte[]>? queue) && queue.Count > 0)
            {
                value = queue.Dequeue();
                return true;
            }
        }

        value = [];
        return false;
    }

    /// <summary>Drops every stored notification of a characteristic.</summary>
    /// <param name="characteristic">The characteristic's UUID.</param>
    public void Clear(Guid characteristic)
    {
        lock (sync)
        {
            queues.Remove(characteristic);
        }
    }
}
