using System.Collections.Generic;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Layers;

/// <summary>
/// max(x, bound) whose gradient still moves x where that lifts it back above the bound: the gradient passes where x is at
/// or above the bound, and below it only where descent would raise x (a negative gradient). A plain clamp would leave a
/// parameter that fell below its bound stuck there with no gradient; an identity gradient would let descent push it ever
/// lower, out of reach. This is the bound of Ballé's reparameterised GDN parameters (as CompressAI's <c>LowerBound</c>).
/// </summary>
public static class LowerBound
{
    /// <summary>max(<paramref name="input"/>, <paramref name="bound"/>) with the gradient described above.</summary>
    /// <param name="input">Any tensor.</param>
    /// <param name="bound">A scalar tensor (0-dimensional) of the input's type and device.</param>
    public static Tensor Apply(Tensor input, Tensor bound) => LowerBoundFunction.apply(input, bound);

    private sealed class LowerBoundFunction : autograd.SingleTensorFunction<LowerBoundFunction>
    {
        public override string Name => nameof(LowerBound);

        public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var input = (Tensor)vars[0];
            var bound = (Tensor)vars[1];
            ctx.save_for_backward([input, bound]);
            return input.maximum(bound);
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
        {
            var saved = ctx.get_saved_variables();
            Tensor input = saved[0], bound = saved[1];
            using var scope = NewDisposeScope();
            var pass = input.ge(bound).logical_or(grad_output.lt(Torch.HeldScalars.Zero));
            var gradient = grad_output.mul(pass.to_type(grad_output.dtype)).MoveToOuterDisposeScope();
            return [gradient, null!];
        }
    }
}
