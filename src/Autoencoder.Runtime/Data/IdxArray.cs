using System.Collections.Generic;

namespace Autoencoder.Runtime.Data;

/// <summary>
/// The contents of an unsigned-byte IDX file: its dimensions and all items in one contiguous
/// row-major buffer (item <c>i</c> occupies <c>Data[i * ItemSize .. (i + 1) * ItemSize]</c>).
/// </summary>
public sealed class IdxArray
{
    internal IdxArray(string filePath, int[] dimensions, int itemsInFile, byte[] data)
    {
        FilePath = filePath;
        Dimensions = dimensions;
        ItemsInFile = itemsInFile;
        Data = data;
        var itemSize = 1;
        for (var i = 1; i < dimensions.Length; i++)
        {
            itemSize *= dimensions[i];
        }

        ItemSize = itemSize;
    }

    /// <summary>The file the data was read from.</summary>
    public string FilePath { get; }

    /// <summary>Dimensions of the loaded data; the first is <see cref="Count"/>, which may be less than the file holds.</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>Number of items loaded (the first dimension).</summary>
    public int Count => Dimensions[0];

    /// <summary>Number of items the file's header declares, including any not loaded.</summary>
    public int ItemsInFile { get; }

    /// <summary>Bytes per item: the product of all dimensions but the first.</summary>
    public int ItemSize { get; }

    /// <summary>The loaded items, <see cref="Count"/> × <see cref="ItemSize"/> bytes. The caller owns this buffer.</summary>
    public byte[] Data { get; }
}
