using System;

namespace Autoencoder
{
    /// <summary>
    /// Makes a sparse autoencoder: penalties on the code's activations added to the reconstruction loss and logged as their own
    /// terms. <see cref="L1"/> weights λ·Σ_j |h_j| (<c>l1</c>); <see cref="Target"/> and <see cref="Weight"/> add
    /// β·Σ_j KL(ρ ‖ ρ̂_j), where ρ̂_j is code unit j's mean activation over the batch (<c>kl_sparsity</c>), which needs an encoder
    /// ending in <see cref="Activation.Sigmoid"/>. Both are averaged over the batch. E.g. <c>[Sparse(L1 = 1e-4)]</c> or
    /// <c>[Sparse(Target = 0.05, Weight = 3)]</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class SparseAttribute : Attribute
    {
        /// <summary>λ of the L1 penalty on the code's activations; no L1 penalty unless set.</summary>
        public double L1 { get; set; }

        /// <summary>ρ, the mean activation each code unit should have, in (0, 1); no KL penalty unless set.</summary>
        public double Target { get; set; }

        /// <summary>β, the weight of the KL sparsity penalty; 1 unless set. Applies with <see cref="Target"/> only.</summary>
        public double Weight { get; set; } = 1;
    }
}
