using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using Xunit;
using static Autoencoder.Generators.Tests.DiagnosticTests;

namespace Autoencoder.Generators.Tests;

/// <summary>The image layers' diagnostics: id, full message and the attribute they point at.</summary>
public class ImageLayerDiagnosticTests
{
    [Fact]
    public void AE0009_input_channels_not_divisible_by_groups()
    {
        const string source = Header + """
            [Autoencoder, Input(3, 8, 8)]
            public partial class Grouped
            {
                [Conv2d(8, 3, Groups = 2), Flatten, Dense(4)] public partial Tensor Encode(Tensor x);
                [Dense(192), Unflatten(3, 8, 8)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0009");
        diagnostic.GetMessage().ShouldBe("Conv2d(8, 3, groups 2) in the encoder cannot take input [B, 3, 8, 8]: its 3 input channels are not divisible by Groups = 2");
        AssertAt(diagnostic, source, "Conv2d(8, 3, Groups = 2)", length: "Conv2d(8, 3, Groups = 2)".Length);
    }

    [Fact]
    public void AE0009_output_channels_not_divisible_by_groups()
    {
        const string source = Header + """
            [Autoencoder, Input(4, 8, 8)]
            public partial class Grouped
            {
                [Conv2d(6, 3, Groups = 4), Flatten, Dense(4)] public partial Tensor Encode(Tensor x);
                [Dense(256), Unflatten(4, 8, 8)] public partial Tensor Decode(Tensor z);
            }
            """;

        Single(source, "AE0009").GetMessage().ShouldEndWith(": its 6 output channels are not divisible by Groups = 4");
    }

    [Fact]
    public void AE0009_dilated_kernel_larger_than_the_padded_input()
    {
        const string source = Header + """
            [Autoencoder, Input(1, 4, 4)]
            public partial class Dilated
            {
                [Conv2d(4, 3, Dilation = 2), Flatten, Dense(4)] public partial Tensor Encode(Tensor x);
                [Dense(16), Unflatten(1, 4, 4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0009");
        diagnostic.GetMessage().ShouldBe("Conv2d(4, 3, dilation 2) in the encoder cannot take input [B, 1, 4, 4]: its 3×3 kernel, dilated to 5×5, is larger than the padded input 4×4");
        AssertAt(diagnostic, source, "Conv2d(4, 3, Dilation = 2)", length: "Conv2d(4, 3, Dilation = 2)".Length);
    }

    [Fact]
    public void AE0009_pooling_window_larger_than_what_is_left()
    {
        const string source = Header + """
            [Autoencoder, Input(1, 28, 28)]
            public partial class Overpooled
            {
                [MaxPool2d(2), MaxPool2d(2), MaxPool2d(2), AvgPool2d(4)] [Flatten] public partial Tensor Encode(Tensor x);
                [Dense(784), Unflatten(1, 28, 28)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0009");
        diagnostic.GetMessage().ShouldBe("AvgPool2d(4) in the encoder cannot take input [B, 1, 3, 3]: its 4×4 window is larger than the 3×3 input");
        AssertAt(diagnostic, source, "AvgPool2d(4)", length: "AvgPool2d(4)".Length);
    }

    [Fact]
    public void AE0009_transposed_convolution_padded_to_nothing()
    {
        const string source = Header + """
            [Autoencoder, Input(1, 1, 1)]
            public partial class Vanishing
            {
                [Flatten, Dense(4)] public partial Tensor Encode(Tensor x);
                [Unflatten(4, 1, 1), ConvTranspose2d(1, 1, Padding = 1)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0009");
        diagnostic.GetMessage().ShouldBe("ConvTranspose2d(1, 1, padding 1) in the decoder cannot take input [B, 4, 1, 1]: its output would be -1×-1 pixels: Padding 1 removes more than the layer adds");
        AssertAt(diagnostic, source, "ConvTranspose2d(1, 1, Padding = 1)", length: "ConvTranspose2d(1, 1, Padding = 1)".Length);
    }

    [Fact]
    public void AE0009_convolution_on_a_flat_input()
    {
        const string source = Header + """
            [Autoencoder, Input(784)]
            public partial class Flat
            {
                [Conv2d(8, 3)] public partial Tensor Encode(Tensor x);
                [Dense(784)] public partial Tensor Decode(Tensor z);
            }
            """;

        Single(source, "AE0009").GetMessage().ShouldBe("Conv2d(8, 3) in the encoder cannot take input [B, 784]: it needs an image [C, H, W]; put [Unflatten(C, H, W)] before it");
    }

    [Fact]
    public void AE0010_same_padding_with_a_stride()
    {
        const string source = Header + """
            [Autoencoder, Input(1, 8, 8)]
            public partial class StridedSame
            {
                [Conv2d(4, 3, Stride = 2, SamePadding = true), Flatten] public partial Tensor Encode(Tensor x);
                [Dense(64), Unflatten(1, 8, 8)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0010");
        diagnostic.GetMessage().ShouldBe("SamePadding keeps the input's height and width only with stride 1, but Conv2d(4, 3, stride 2, same padding) in the encoder has stride 2: remove SamePadding and set Padding instead");
        AssertAt(diagnostic, source, "Conv2d(4, 3, Stride = 2, SamePadding = true)", length: "Conv2d(4, 3, Stride = 2, SamePadding = true)".Length);
    }

    [Fact]
    public void AE0010_output_padding_not_below_stride()
    {
        const string source = Header + """
            [Autoencoder, Input(1, 8, 8)]
            public partial class Overpadded
            {
                [Conv2d(4, 3, Stride = 2, Padding = 1)] public partial Tensor Encode(Tensor x);
                [ConvTranspose2d(1, 3, Stride = 2, Padding = 1, OutputPadding = 2)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0010");
        diagnostic.GetMessage().ShouldBe("OutputPadding must be less than Stride or Dilation, but ConvTranspose2d(1, 3, stride 2, padding 1, output padding 2) in the decoder has output padding 2, stride 2 and dilation 1");
        AssertAt(diagnostic, source, "ConvTranspose2d(1, 3,", length: "ConvTranspose2d(1, 3, Stride = 2, Padding = 1, OutputPadding = 2)".Length);
    }

    [Fact]
    public void AE0007_non_positive_stride_and_scale()
    {
        const string source = Header + """
            [Autoencoder, Input(1, 8, 8)]
            public partial class Zeroes
            {
                [Conv2d(4, 3, Stride = 0), Flatten] public partial Tensor Encode(Tensor x);
                [Unflatten(4, 4, 4), Upsample(0)] public partial Tensor Decode(Tensor z);
            }
            """;

        DiagnosticTests.Diagnostics(source).Where(d => d.Id == "AE0007").Select(d => d.GetMessage()).ShouldBe(new[]
        {
            "Stride of Conv2d(4, 3, stride 0) in the encoder must be positive, but is 0",
            "The scale of Upsample(0) in the decoder must be positive, but is 0",
        });
    }

    [Fact]
    public void AE0008_names_the_transposed_convolution_that_needs_output_padding()
    {
        var diagnostics = DiagnosticTests.Diagnostics(ConvDecoder(firstOutputPadding: 1, lastOutputPadding: 0));

        diagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0008" });
        diagnostics[0].GetMessage().ShouldBe("The decoder of 'ShortConv' outputs [B, 1, 27, 27], but the input is [B, 1, 28, 28]: a reconstruction must have the input's shape; set OutputPadding = 1 on ConvTranspose2d(1, 3, stride 2, padding 1, Sigmoid) (decoder3)");
    }

    [Fact]
    public void AE0012_warns_at_a_transposed_convolution_one_pixel_short_of_its_mirror()
    {
        var source = ConvDecoder(firstOutputPadding: 0, lastOutputPadding: 1);
        var diagnostics = DiagnosticTests.Diagnostics(source);

        diagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0008", "AE0012" });
        var warning = diagnostics[1];
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.GetMessage().ShouldBe("ConvTranspose2d(16, 3, stride 2, padding 1, ReLU) in the decoder outputs 13×13 pixels, one short of the 14×14 that Conv2d(32, 3, stride 2, padding 1, ReLU) in the encoder takes: set OutputPadding = 1 on it");
        const string attribute = "ConvTranspose2d(16, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = 0)";
        AssertAt(warning, source, attribute, length: attribute.Length);

        // Without a matching one-pixel shortfall the error keeps its plain message.
        diagnostics[0].GetMessage().ShouldEndWith("outputs [B, 1, 26, 26], but the input is [B, 1, 28, 28]: a reconstruction must have the input's shape");
    }

    private static string ConvDecoder(int firstOutputPadding, int lastOutputPadding) => Header + $$"""
        [Autoencoder, Input(1, 28, 28)]
        public partial class ShortConv
        {
            [Conv2d(16, 3, Activation.ReLU, Stride = 2, Padding = 1)]
            [Conv2d(32, 3, Activation.ReLU, Stride = 2, Padding = 1)]
            [Flatten, Dense(16)]
            public partial Tensor Encode(Tensor x);

            [Dense(1568, Activation.ReLU), Unflatten(32, 7, 7)]
            [ConvTranspose2d(16, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = {{firstOutputPadding}})]
            [ConvTranspose2d(1, 3, Activation.Sigmoid, Stride = 2, Padding = 1, OutputPadding = {{lastOutputPadding}})]
            public partial Tensor Decode(Tensor z);
        }
        """;
}
