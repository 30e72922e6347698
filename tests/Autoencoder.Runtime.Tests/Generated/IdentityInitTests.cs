using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>Two stride-1 convolutions and a dense layer that start as the identity.</summary>
[Autoencoder(Init = WeightInit.Identity)]
[Input(3, 6, 6)]
public partial class IdentityStartModel
{
    [Conv2d(3, 3, Padding = 1)]
    [Flatten]
    [Dense(108)]
    public partial Tensor Encode(Tensor x);

    [Unflatten(3, 6, 6)]
    [Conv2d(3, 3, Padding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary><c>WeightInit.Identity</c>: each layer passes its input through unchanged until it learns otherwise.</summary>
[Collection(Training.TorchGlobalStateCollection.Name)]
public class IdentityInitTests
{
    [Fact]
    public void A_model_of_identity_layers_starts_by_returning_its_input()
    {
        using var model = new IdentityStartModel();
        model.eval();
        using var input = rand(4, 3, 6, 6);

        using var output = model.forward(input);

        output.allclose(input, rtol: 0, atol: 1e-6).ShouldBeTrue();
    }
}
