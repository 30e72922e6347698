using System;
using System.Collections.Concurrent;
using System.Threading;
using SkiaSharp;

namespace Autoencoder.Runtime.Data;

/// <summary>One decoded file kept by a <see cref="DecodedImageCache"/>: premultiplied RGBA rows and what its checks found.</summary>
internal sealed record DecodedImage(byte[] Rgba, int Width, int Height, bool Grey)
{
    public int RowBytes => Width * 4;
}

/// <summary>
/// Decoded files kept in managed memory up to a budget of bytes, so that later epochs cut their samples without reading
/// and decoding again. Files are kept as they are first met and never evicted: with shuffled epochs every file is as likely
/// to come next as any other, so replacing one kept file by another saves nothing. Shared by the decode threads.
/// </summary>
internal sealed class DecodedImageCache(long budgetBytes)
{
    private readonly ConcurrentDictionary<string, DecodedImage> _images = new(StringComparer.Ordinal);
    private long _usedBytes;

    public long UsedBytes => Interlocked.Read(ref _usedBytes);

    public DecodedImage? Find(string path) => _images.TryGetValue(path, out var image) ? image : null;

    /// <summary>Copies the bitmap's pixels in if the budget has room for them; another thread may have kept the same file first.</summary>
    public void TryKeep(string path, SKBitmap rgba, bool grey)
    {
        if (rgba.RowBytes != rgba.Width * 4)
            return;
        long bytes = (long)rgba.RowBytes * rgba.Height;
        if (Interlocked.Add(ref _usedBytes, bytes) > budgetBytes)
        {
            Interlocked.Add(ref _usedBytes, -bytes);
            return;
        }

        var image = new DecodedImage(rgba.Bytes, rgba.Width, rgba.Height, grey);
        if (!_images.TryAdd(path, image))
            Interlocked.Add(ref _usedBytes, -bytes);
    }
}
