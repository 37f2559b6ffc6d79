using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Wand.Host;

/// <summary>
/// Reads an input file (test plan, firmware image) safely: it must be a regular file of bounded size. A FIFO, socket
/// or terminal is refused without blocking (it is opened non-blocking and checked before any read), and a file
/// larger than the cap (including endless devices such as <c>/dev/zero</c>) is refused after reading one byte past
/// the cap, so neither hangs nor exhausts memory.
/// </summary>
public static partial class InputFile
{
    // Linux open(2) flags, from the kernel's include/uapi/asm-generic/fcntl.h (O_NONBLOCK 00004000, O_CLOEXEC 02000000).
    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;

    /// <summary>Reads a whole input file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maximumBytes">The largest accepted size, in bytes.</param>
    /// <returns>The content.</returns>
    /// <exception cref="InputFileException">The path is not a regular file or is larger than <paramref name="maximumBytes"/>.</exception>
    /// <exception cref="IOException">The file cannot be read (missing, no permission).</exception>
    public static byte[] ReadAllBytes(string path, long maximumBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        using Stream stream = OpenRegular(path);
        return ReadBounded(path, stream, maximumBytes);
    }

    /// <summary>Opens a regular file for reading without blocking on a FIFO.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The open stream.</returns>
    /// <exception cref="InputFileException">The path is a directory, FIFO, socket or terminal.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static Stream OpenRegular(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new InputFileException(path, "is a folder, not a file.");
        }

        if (OperatingSystem.IsWindows())
        {
            return File.OpenRead(path);
        }

        int descriptor = Open(path, ReadOnly | NonBlocking | CloseOnExec);
        if (descriptor < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{path} does not exist.", path);
            }

            throw new IOException($"Cannot open {path}: {Marshal.GetPInvokeErrorMessage(errno)}.");
        }

        SafeFileHandle handle = new(descriptor, ownsHandle: true);
        FileStream stream;
        try
        {
            stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        if (!stream.CanSeek)
        {
            stream.Dispose();
            throw new InputFileException(path, "is not a regular file (a pipe, socket or terminal); give a file.");
        }

        return stream;
    }

    /// <summary>Reads a stream to its end, refusing more than a cap.</summary>
    /// <param name="name">The name for messages.</param>
    /// <param name="stream">The stream.</param>
    /// <param name="maximumBytes">The largest accepted size, in bytes.</param>
    /// <returns>The content.</returns>
    /// <exception cref="InputFileException">The stream holds more than <paramref name="maximumBytes"/>.</exception>
    public static byte[] ReadBounded(string name, Stream stream, long maximumBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using MemoryStream buffer = new();
        byte[] chunk = new byte[81920];
        while (true)
        {
            int wanted = (int)Math.Min(chunk.Length, maximumBytes + 1 - buffer.Length);
            int count = stream.Read(chunk, 0, wanted);
            if (count == 0)
            {
                return buffer.ToArray();
            }

            buffer.Write(chunk, 0, count);
            if (buffer.Length > maximumBytes)
            {
                throw new InputFileException(name, $"is larger than {Describe(maximumBytes)}; no input of this kind is that large.");
            }
        }
    }

    private static string Describe(long bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MB" : $"{bytes >> 10} KB";

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);
}
