using System.Linq;
using Autoencoder.Runtime.Imaging;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Imaging;

/// <summary>Where tiles go along one axis and how their weights blend.</summary>
public class TileAxisTests
{
    [Theory]
    [InlineData(1000, 128, 16, 32)]
    [InlineData(129, 128, 16, 32)]
    [InlineData(997, 64, 4, 0)]
    [InlineData(300, 96, 8, 88)]
    public void Tiles_start_on_the_multiple_cover_the_image_and_weights_sum_to_one(long length, int tile, int multiple, int overlap)
    {
        var spans = TileAxis.Spans(length, tile, multiple, overlap);

        var total = new double[length];
        foreach (var span in spans)
        {
            (span.Start % multiple).ShouldBe(0, $"tile at {span.Start}");
            span.Length.ShouldBeLessThanOrEqualTo(tile);
            span.Weights.Length.ShouldBe((int)span.Length);
            for (var p = 0; p < span.Length; p++)
                total[span.Start + p] += span.Weights[p];
        }

        spans[0].Start.ShouldBe(0);
        (spans[^1].Start + spans[^1].Length).ShouldBe(length);
        // The last tile ends where AnySize would pad the whole image to, so its edge padding is the untiled one.
        (spans[^1].Start + tile).ShouldBe((length + multiple - 1) / multiple * multiple);
        for (var i = 1; i < spans.Count; i++)
            (spans[i - 1].Start + spans[i - 1].Length - spans[i].Start).ShouldBeGreaterThanOrEqualTo(overlap, $"overlap of tiles {i - 1} and {i}");
        total.Select(t => System.Math.Abs(t - 1)).Max().ShouldBeLessThan(1e-6);
    }

    [Fact]
    public void An_image_smaller_than_a_tile_is_one_tile_of_full_weight()
    {
        var spans = TileAxis.Spans(37, 64, 8, 16);

        spans.Count.ShouldBe(1);
        (spans[0].Start, spans[0].Length).ShouldBe((0L, 37L));
        spans[0].Weights.ShouldAllBe(w => w == 1f);
    }

    [Fact]
    public void The_outer_quarter_of_a_shared_side_gets_no_weight()
    {
        const int overlap = 32;
        var spans = TileAxis.Spans(400, 128, 16, overlap);

        var second = spans[1];
        second.Weights.Take(overlap / 4).ShouldAllBe(w => w == 0f);
        second.Weights.TakeLast(overlap / 4).ShouldAllBe(w => w == 0f);
        second.Weights[overlap / 4].ShouldBeGreaterThan(0f);
        // The first tile's image edge keeps its weight.
        spans[0].Weights[0].ShouldBe(1f);
    }

    [Fact]
    public void The_ramp_rises_from_zero_to_one_across_the_middle_half()
    {
        TileAxis.Ramp(7, 32).ShouldBe(0);
        TileAxis.Ramp(24, 32).ShouldBe(1);
        var rising = Enumerable.Range(8, 16).Select(d => TileAxis.Ramp(d, 32)).ToArray();
        rising.ShouldBeInOrder(SortDirection.Ascending);
        (rising[7] + rising[8]).ShouldBe(1, 1e-12); // symmetric about the middle of the overlap
        TileAxis.Ramp(0, 0).ShouldBe(1);
    }
}
