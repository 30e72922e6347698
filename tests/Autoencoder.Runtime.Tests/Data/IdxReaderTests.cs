using System;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Tests.Shared;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string name, byte[] contents)
    {
        var path = _temp.File(name);
        File.WriteAllBytes(path, contents);
        return path;
    }

    [Fact]
    public void Reads_raw_images_into_one_row_major_buffer()
    {
        var path = Write("images", IdxBytes.Valid(2, 3, 4));

        var images = IdxReader.ReadImages(path, rows: 3, columns: 4);

        images.Dimensions.ShouldBe([2, 3, 4]);
        images.Count.ShouldBe(2);
        images.ItemsInFile.ShouldBe(2);
        images.ItemSize.ShouldBe(12);
        images.FilePath.ShouldBe(path);
        images.Data.ShouldBe(Enumerable.Range(0, 24).Select(i => (byte)i).ToArray());
    }

    [Fact]
    public void Detects_gzip_by_content_not_by_extension()
    {
        var gzipWithoutSuffix = Write("images.idx", IdxBytes.Gzip(IdxBytes.Valid(2, 3, 4)));
        var rawWithGzSuffix = Write("images.gz", IdxBytes.Valid(2, 3, 4));

        IdxReader.ReadImages(gzipWithoutSuffix, 3, 4).Data.ShouldBe(IdxReader.ReadImages(rawWithGzSuffix, 3, 4).Data);
        IdxReader.ReadImages(gzipWithoutSuffix, 3, 4).Data[23].ShouldBe((byte)23);
    }

    [Fact]
    public void Reads_labels()
    {
        var path = Write("labels.gz", IdxBytes.Gzip(IdxBytes.Labels(7, 2, 1)));

        var labels = IdxReader.ReadLabels(path);

        labels.Dimensions.ShouldBe([3]);
        labels.ItemSize.ShouldBe(1);
        labels.Data.ShouldBe(new byte[] { 7, 2, 1 });
    }

    [Fact]
    public void MaxItems_keeps_the_first_items_and_reports_the_file_count()
    {
        var path = Write("images", IdxBytes.Valid(5, 2, 2));

        var images = IdxReader.ReadImages(path, 2, 2, maxItems: 2);

        images.Dimensions.ShouldBe([2, 2, 2]);
        images.ItemsInFile.ShouldBe(5);
        images.Data.ShouldBe(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7 });
    }

    [Fact]
    public void MaxItems_larger_than_the_file_loads_everything()
    {
        var path = Write("labels", IdxBytes.Labels(1, 2));

        IdxReader.ReadLabels(path, maxItems: 100).Count.ShouldBe(2);
    }

    [Fact]
    public void Wrong_magic_number_is_reported_at_offset_0()
    {
        var bytes = IdxBytes.Valid(1, 2, 2);
        bytes[0] = 0x89; // e.g. a PNG by mistake
        var path = Write("not-idx", bytes);

        var error = Should.Throw<IdxFormatException>(() => IdxReader.ReadImages(path, 2, 2));

        error.FilePath.ShouldBe(path);
        error.Offset.ShouldBe(0);
        error.Message.ShouldContain(path);
        error.Message.ShouldContain("byte offset 0");
        error.Message.ShouldContain("expected magic number 0x00000803");
        error.Message.ShouldContain("found 0x89000803");
        error.Message.ShouldContain("not an IDX file");
    }

    [Fact]
    public void Non_unsigned_byte_element_type_is_reported_at_offset_2()
    {
        var path = Write("floats", IdxBytes.Header(0x00000D03u, 1, 1, 1).Concat(new byte[4]).ToArray());

        var error = Should.Throw<IdxFormatException>(() => IdxReader.ReadImages(path, 1, 1));

        error.Offset.ShouldBe(2);
        error.Message.ShouldContain(path);
        error.Message.ShouldContain("found 0x00000D03");
        error.Message.ShouldContain("float32");
        error.Message.ShouldContain("only 0x08 (unsigned byte)");
    }

    [Fact]
    public void Wrong_dimension_count_is_reported_at_offset_3()
    {
        var path = Write("labels-not-images", IdxBytes.Labels(1, 2, 3));

        var error = Should.Throw<IdxFormatException>(() => IdxReader.ReadImages(path, 28, 28));

        error.Offset.ShouldBe(3);
        error.Message.ShouldContain(path);
        error.Message.ShouldContain("expected 3 dimensions, found 1");
    }

    [Fact]
    public void Images_given_as_labels_are_reported_too()
    {
        var path = Write("images-not-labels", IdxBytes.Valid(1, 2, 2));

        var error = Should.Throw<IdxFormatException>(() => IdxReader.ReadLabels(path));

        error.Message.ShouldContain("expected magic number 0x00000801");
        error.Message.ShouldContain("expected 1 dimensions, found 3");
    }

    [Theory]
    [InlineData(0, 4, 0)]
    [InlineData(1, 8, 0)]
    [InlineData(2, 12, -5)]
    public void Zero_or_negative_size_is_reported_at_its_field(int dimension, long offset, int size)
    {
        var dimensions = new[] { 1, 2, 2 };
        dimensions[dimension] = size;
        var path = Write("bad-size", IdxBytes.Header(0x00000803u, dimensions));

        var error = Should.Throw<IdxFormatException>(() => IdxReader.ReadImages(path, 2, 2));

        error.Offset.ShouldBe(offset);
        error.Message.ShouldContain(path);
        error.Message.ShouldContain($"dimension {dimension} has size {size}; sizes must be positive");
    }

    [Fact]
    public void Sizes_too_large_for_one_buffer_are_reported_before_reading_data()
    {
        var path = Write("huge", IdxBytes.Header(0x00000803u, 65_536, 65_536, 65_536));

        var error = Should.Throw<IdxFormatException>(() => IdxReader.ReadImages(path, 65_536, 65_536));

        error.Offset.ShouldBe(4);
        error.Message.ShouldContain("65536×65536×65536 bytes exceed the largest supported buffer");
    }

    [Fact]
    public void Unexpected_image_size_names_both_sizes()
    {
        var path = Write("small-images", IdxBytes.Valid(2, 5, 6));

        var error = Should.Throw<IdxFormatException>(() => IdxReader.ReadImages(path, 28, 28));

        error.Offset.ShouldBe(8);
        error.Message.ShouldContain(path);
        error.Message.ShouldContain("expected images of 28×28 pixels, found 5×6");
    }

    [Fact]
    public void File_ending_inside_the_header_is_truncated()
    {
        var path = Write("short-header", IdxBytes.Valid(2, 2, 2)[..10]);

        var error = Should.Throw<IdxFormatException>(() => IdxReader.ReadImages(path, 2, 2));

        error.Offset.ShouldBe(10);
        error.Message.ShouldContain(path);
        error.Message.ShouldContain("the file ends inside the header, while reading the size of dimension 1");
    }

    [Fact]
    public void Missing_data_bytes_are_reported_with_expected_and_found_lengths()
    {
        var bytes = IdxBytes.Valid(3, 2, 2);
        var path = Write("short-data", bytes[..^1]);

        var error = Should.Throw<IdxFormatException>(() => IdxReader.ReadImages(path, 2, 2));

        error.Offset.ShouldBe(bytes.Length - 1);
        error.Message.ShouldContain(path);
        error.Message.ShouldContain("truncated: the header declares 3×2×2 = 12 data bytes (ending at offset 28), but the file ends after 11");
    }

    [Fact]
    public void Truncation_beyond_maxItems_is_still_detected()
    {
        var path = Write("short-data", IdxBytes.Valid(3, 2, 2)[..^4]);

        Should.Throw<IdxFormatException>(() => IdxReader.ReadImages(path, 2, 2, maxItems: 1))
            .Message.ShouldContain("truncated");
    }

    [Fact]
    public void Truncated_gzip_content_reports_a_decompressed_offset()
    {
        var path = Write("short.gz", IdxBytes.Gzip(IdxBytes.Valid(3, 2, 2)[..^2]));

        var error = Should.Throw<IdxFormatException>(() => IdxReader.ReadImages(path, 2, 2));

        error.Offset.ShouldBe(26);
        error.Message.ShouldContain("byte offset 26 of the decompressed data");
        error.Message.ShouldContain("truncated");
    }

    [Fact]
    public void Trailing_bytes_are_reported_where_the_data_should_end()
    {
        var path = Write("long", IdxBytes.Labels(1, 2).Concat(new byte[] { 9, 9, 9 }).ToArray());

        var error = Should.Throw<IdxFormatException>(() => IdxReader.ReadLabels(path));

        error.Offset.ShouldBe(10);
        error.Message.ShouldContain(path);
        error.Message.ShouldContain("found 3 trailing byte(s) after the 2 data bytes the header declares (2)");
    }

    [Fact]
    public void Corrupt_gzip_stream_names_the_file()
    {
        var gzip = IdxBytes.Gzip(IdxBytes.Valid(4, 8, 8));
        for (var i = 10; i < gzip.Length - 8; i++)
        {
            gzip[i] = 0xFF; // keep the 1f 8b header, destroy the deflate data
        }

        var path = Write("corrupt.gz", gzip);

        var error = Should.Throw<IdxFormatException>(() => IdxReader.ReadImages(path, 8, 8));

        error.Message.ShouldContain(path);
        error.Message.ShouldContain("the gzip stream is corrupt");
        error.InnerException.ShouldBeOfType<InvalidDataException>();
    }

    [Fact]
    public void Gzip_file_cut_off_midway_is_reported_not_silently_short()
    {
        var gzip = IdxBytes.Gzip(IdxBytes.Valid(64, 8, 8));
        var path = Write("cut.gz", gzip[..(gzip.Length / 2)]);

        var error = Should.Throw<IdxFormatException>(() => IdxReader.ReadImages(path, 8, 8));

        error.Message.ShouldContain(path);
        error.Message.ShouldContain("of the decompressed data");
    }
}
