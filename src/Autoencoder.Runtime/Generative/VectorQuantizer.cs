using System;
using TorchSharp;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Generative;

/// <summary>
/// The vector quantizer of a VQ-VAE (van den Oord et al. 2017): a codebook of K code vectors of dimension D that replaces
/// each vector of an encoder output z ([B, D] or [B, D, …], the vectors along axis 1) with its nearest code, passes the
/// decoder's gradient straight through to z, and gives the commitment loss, the codebook loss (when the codebook is
/// learned by gradient), and the batch's perplexity and codebook usage. In training mode each batch then updates the
/// codebook: by exponential moving averages when it is learned that way, and by resetting dead codes to encoder outputs.
/// </summary>
/// <remarks>
/// <para>
/// The state is registered on the module that owns the quantizer (a generated VQ-VAE), under the names its state dict has
/// always had: <c>codebook</c> (a parameter when learned by gradient, a buffer with moving averages),
/// <c>codebook_cluster_size</c> and <c>codebook_embedding_sum</c> (moving averages), and <c>codebook_usage</c> (the
/// assignments that find dead codes when gradients learn the codebook). The quantizer itself registers nothing, so the
/// owner's checkpoints keep their keys; it reads its tensors from the owner at every call, so it uses the owner's new
/// tensors after <c>owner.to(...)</c> replaces them. The owner registers the quantizer as a child, so that
/// <c>train()</c> and <c>eval()</c> reach it. Without an owner, the quantizer holds its state itself.
/// </para>
/// <para>
/// Construction draws the codebook from TorchSharp's global generator (uniform in ±1/K), and so does each dead-code reset
/// (which encoder outputs replace the dead codes); nothing else draws.
/// </para>
/// </remarks>
public sealed class VectorQuantizer : nn.Module<Tensor, QuantizedCode>
{
    /// <summary>The name of the codebook e, [K, D], in the owner's state.</summary>
    public const string CodebookName = "codebook";

    /// <summary>The name of N, the moving average of how many encoder outputs each code takes per batch, [K] (moving averages only).</summary>
    public const string ClusterSizeName = "codebook_cluster_size";

    /// <summary>The name of m, the moving average of the sum of the encoder outputs each code takes, [K, D]; e = m / N (moving averages only).</summary>
    public const string EmbeddingSumName = "codebook_embedding_sum";

    /// <summary>The name of the moving average of each code's assignments per batch that finds dead codes, [K] (learned by gradient, with resets only).</summary>
    public const string UsageName = "codebook_usage";

    /// <summary>The decay of <see cref="UsageName"/>'s moving average, when gradients learn the codebook (with moving averages, the cluster sizes serve).</summary>
    public const double UsageDecay = 0.99;

    // Where the state is registered and read: the owner, or this module.
    private readonly nn.Module _state;

    private VectorQuantizer(
        string name, nn.Module? owner, long codes, long dimension, double commitmentWeight, bool movingAverages,
        double decay, double epsilon, double deadCodeThreshold) : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(codes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ThrowIfNotFiniteOrNegative(commitmentWeight);
        ThrowIfNotFiniteOrNegative(deadCodeThreshold);
        if (movingAverages)
        {
            if (!(decay > 0 && decay < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(decay), decay, "The decay of the moving averages must be in (0, 1).");
            }

            if (!(epsilon > 0 && double.IsFinite(epsilon)))
            {
                throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "The smoothing ε must be a finite number > 0.");
            }
        }

        CodebookSize = codes;
        CodeDimension = dimension;
        CommitmentWeight = commitmentWeight;
        MovingAverages = movingAverages;
        Decay = decay;
        Epsilon = epsilon;
        DeadCodeThreshold = deadCodeThreshold;
        _state = owner ?? this;

        // The codebook starts uniform in ±1/K; with moving averages, its averages start as if each code had taken one
        // vector equal to itself. One draw from the global generator, and nothing else.
        var codebook = empty(codes, dimension).uniform_(-1.0 / codes, 1.0 / codes);
        if (movingAverages)
        {
            var clusterSize = ones(codes);
            var embeddingSum = codebook.clone();
            _state.register_buffer(CodebookName, codebook);
            _state.register_buffer(ClusterSizeName, clusterSize);
            _state.register_buffer(EmbeddingSumName, embeddingSum);
        }
        else
        {
            _state.register_parameter(CodebookName, new TorchSharp.Modules.Parameter(codebook));
            if (deadCodeThreshold > 0)
            {
                _state.register_buffer(UsageName, ones(codes));
            }
        }
    }

    /// <summary>
    /// A quantizer whose codebook is learned by gradient through the codebook loss ‖sg[z] − e‖², its state registered on
    /// <paramref name="owner"/> (or on the quantizer when null): the parameter <c>codebook</c> and, when dead codes are
    /// reset, the buffer <c>codebook_usage</c>.
    /// </summary>
    /// <param name="name">The module's name.</param>
    /// <param name="owner">The module whose state holds the codebook, or null for the quantizer's own.</param>
    /// <param name="codes">K, at least 2.</param>
    /// <param name="dimension">D, at least 1: the length of each code vector, axis 1 of the codes quantised.</param>
    /// <param name="commitmentWeight">β, the weight of the commitment loss; at least 0.</param>
    /// <param name="deadCodeThreshold">A code whose moving average of assignments per batch falls below this is reset; 0 never resets.</param>
    public static VectorQuantizer LearnedByGradient(
        string name, nn.Module? owner, long codes, long dimension, double commitmentWeight, double deadCodeThreshold)
        => new(name, owner, codes, dimension, commitmentWeight, movingAverages: false, decay: double.NaN, epsilon: double.NaN, deadCodeThreshold);

    /// <summary>
    /// A quantizer whose codebook follows exponential moving averages of the encoder outputs each code takes (van den
    /// Oord et al. 2017, appendix A.1), not gradients; its state registered on <paramref name="owner"/> (or on the
    /// quantizer when null) as the buffers <c>codebook</c>, <c>codebook_cluster_size</c> and <c>codebook_embedding_sum</c>.
    /// </summary>
    /// <param name="name">The module's name.</param>
    /// <param name="owner">The module whose state holds the codebook, or null for the quantizer's own.</param>
    /// <param name="codes">K, at least 2.</param>
    /// <param name="dimension">D, at least 1: the length of each code vector, axis 1 of the codes quantised.</param>
    /// <param name="commitmentWeight">β, the weight of the commitment loss; at least 0.</param>
    /// <param name="decay">γ, the decay of the moving averages, in (0, 1).</param>
    /// <param name="epsilon">ε of the Laplace smoothing of the cluster sizes, greater than 0.</param>
    /// <param name="deadCodeThreshold">A code whose moving average of assignments per batch falls below this is reset; 0 never resets.</param>
    public static VectorQuantizer WithMovingAverages(
        string name, nn.Module? owner, long codes, long dimension, double commitmentWeight, double decay, double epsilon,
        double deadCodeThreshold)
        => new(name, owner, codes, dimension, commitmentWeight, movingAverages: true, decay, epsilon, deadCodeThreshold);

    /// <summary>K, how many code vectors the quantizer chooses from.</summary>
    public long CodebookSize { get; }

    /// <summary>D, the length of each code vector: axis 1 of the codes quantised.</summary>
    public long CodeDimension { get; }

    /// <summary>β, the weight of the commitment loss β‖z − sg[e]‖².</summary>
    public double CommitmentWeight { get; }

    /// <summary>True when the codebook follows moving averages, false when gradients learn it (and the loss has a codebook term).</summary>
    public bool MovingAverages { get; }

    /// <summary>γ, the decay of the moving averages; NaN when gradients learn the codebook.</summary>
    public double Decay { get; }

    /// <summary>ε of the Laplace smoothing of the cluster sizes; NaN when gradients learn the codebook.</summary>
    public double Epsilon { get; }

    /// <summary>A code whose moving average of assignments per training batch falls below this is reset to an encoder output; 0 never resets.</summary>
    public double DeadCodeThreshold { get; }

    /// <summary>e, the codebook [K, D]: the owner's parameter or buffer <c>codebook</c>.</summary>
    public Tensor Codebook => MovingAverages ? Buffer(CodebookName) : _state.get_parameter(CodebookName) ?? throw Missing(CodebookName);

    /// <summary>N, the moving average of each code's assignments per batch, [K]; null when gradients learn the codebook.</summary>
    public Tensor? ClusterSize => MovingAverages ? Buffer(ClusterSizeName) : null;

    /// <summary>m, the moving average of the sum of the encoder outputs each code takes, [K, D]; null when gradients learn the codebook.</summary>
    public Tensor? EmbeddingSum => MovingAverages ? Buffer(EmbeddingSumName) : null;

    /// <summary>The moving average of each code's assignments per batch that finds dead codes when gradients learn the codebook, [K]; null otherwise, or without resets.</summary>
    public Tensor? CodebookUsage => !MovingAverages && DeadCodeThreshold > 0 ? Buffer(UsageName) : null;

    /// <summary>
    /// Replaces each code vector of <paramref name="z"/> ([B, D] or [B, D, …]) with its nearest codebook entry and
    /// returns the quantised code (z's shape, z + sg[e − z]: the codes' values with the straight-through gradient to z),
    /// the indices ([B] or [B, …]), the commitment loss, the codebook loss (null with moving averages), and the batch's
    /// perplexity and codebook usage. In training mode it then updates the codebook, after the losses are taken.
    /// </summary>
    /// <exception cref="ArgumentException">z has fewer than two axes, or axis 1 is not <see cref="CodeDimension"/> long.</exception>
    public override QuantizedCode forward(Tensor z)
    {
        CheckCode(z);
        var codebook = Codebook;
        var rows = Rows(z);
        var indices = NearestCodes(rows);
        // The chosen codes e, in z's layout.
        var quantized = InLayoutOf(z, codebook.index_select(0, indices));

        // The commitment loss keeps the encoder near the codes it picks; the codebook loss (or the moving averages) moves
        // the codes to the encoder's outputs.
        var commitment = nn.functional.mse_loss(z, quantized.detach()).mul(Of(CommitmentWeight));
        var codebookLoss = MovingAverages ? null : nn.functional.mse_loss(quantized, z.detach());

        Tensor counts, perplexity, usage;
        using (no_grad())
        {
            // How many of the N vectors each code took: [K]
            counts = bincount(indices, minlength: CodebookSize).to(rows.dtype);
            // N, known only at run time: a Scalar held until the division returns.
            using var rowCount = rows.shape[0].ToScalar();
            var probabilities = counts.div(rowCount);
            // exp of the entropy of the batch's code distribution: 1 when one code takes every vector, K when all take as many.
            perplexity = exp(-(probabilities * log(probabilities.add(Of(1e-10), One))).sum());
            usage = counts.gt(Of(0.0)).to(rows.dtype).mean();
        }

        if (training)
        {
            Update(rows.detach(), indices, counts);
        }

        // Straight-through estimator: the decoder sees e, and z receives the decoder's gradient as if the decoder had seen z.
        var straightThrough = z.add((quantized - z).detach(), One);
        return new QuantizedCode(straightThrough, IndicesInLayoutOf(z, indices), commitment, codebookLoss, perplexity, usage);
    }

    /// <summary>The index of the nearest code at each position of <paramref name="z"/>, [B, D, …] -> [B, …]; leaves the codebook as it is, in either mode.</summary>
    /// <exception cref="ArgumentException">z has fewer than two axes, or axis 1 is not <see cref="CodeDimension"/> long.</exception>
    public Tensor Indices(Tensor z)
    {
        CheckCode(z);
        return IndicesInLayoutOf(z, NearestCodes(Rows(z)));
    }

    /// <summary>The codes at <paramref name="indices"/> in a code's layout, [B] -> [B, D] or [B, …] -> [B, D, …]: the inverse of <see cref="Indices"/>.</summary>
    public Tensor Lookup(Tensor indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var codebook = Codebook;
        if (indices.dim() == 1)
        {
            return codebook.index_select(0, indices);
        }

        // [B, …] -> [N, D] -> [B, …, D] -> [B, D, …]
        var channelsLast = new long[indices.dim() + 1];
        indices.shape.CopyTo(channelsLast, 0);
        channelsLast[^1] = CodeDimension;
        return codebook.index_select(0, indices.flatten()).reshape(channelsLast).permute(ChannelsFirst(channelsLast.Length));
    }

    /// <summary>The index of the nearest code to each row of <paramref name="rows"/> by squared Euclidean distance: [N, D] -> [N].</summary>
    public Tensor NearestCodes(Tensor rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var codebook = Codebook;
        using (no_grad())
        {
            // ‖z − e‖² = ‖z‖² − 2 z·e + ‖e‖² for every row and code, without an [N, K, D] difference: [N, K]
            var rowNorms = rows.pow(Of(2L)).sum(1, keepdim: true);   // [N, 1]
            var codeNorms = codebook.pow(Of(2L)).sum(1);            // [K]
            var distances = (rowNorms - rows.matmul(codebook.t()).mul(Of(2.0))).add(codeNorms, One);
            return distances.argmin(1);
        }
    }

    /// <summary>
    /// After a training batch (not part of the graph). With moving averages: N ← γN + (1 − γ)n and m ← γm + (1 − γ)Σz, then
    /// the codes e = m / N with N Laplace-smoothed (van den Oord et al. 2017, appendix A.1). Learned by gradient: the
    /// moving average of each code's assignments. Then the dead codes' reset.
    /// </summary>
    private void Update(Tensor rows, Tensor indices, Tensor counts)
    {
        if (!MovingAverages && DeadCodeThreshold <= 0)
        {
            return; // gradients move the codebook, and nothing looks for dead codes
        }

        using (no_grad())
        {
            var codebook = Codebook;
            if (!MovingAverages)
            {
                var assignments = Buffer(UsageName);
                assignments.mul_(Of(UsageDecay)).add_(counts, alpha: Of(1 - UsageDecay));
                ResetDeadCodes(rows, codebook, assignments, embeddingSum: null);
                return;
            }

            var clusterSize = Buffer(ClusterSizeName);
            var embeddingSum = Buffer(EmbeddingSumName);
            // Σz over the rows each code took: [K, D]
            var sums = zeros_like(codebook).index_add_(0, indices, rows, alpha: One);
            clusterSize.mul_(Of(Decay)).add_(counts, alpha: Of(1 - Decay));
            embeddingSum.mul_(Of(Decay)).add_(sums, alpha: Of(1 - Decay));
            // (N + ε) / (n + Kε) · n keeps every size above zero and their total at n.
            var total = clusterSize.sum();
            var smoothed = clusterSize.add(Of(Epsilon), One).div(total.add(Of(CodebookSize * Epsilon), One)).mul(total);
            codebook.copy_(embeddingSum / smoothed.unsqueeze(1));
            if (DeadCodeThreshold > 0)
            {
                ResetDeadCodes(rows, codebook, clusterSize, embeddingSum);
            }
        }
    }

    /// <summary>
    /// Codes whose moving average of assignments per batch (<paramref name="assignments"/>) is below
    /// <see cref="DeadCodeThreshold"/> move to encoder outputs of this batch chosen at random (as in Jukebox, Dhariwal et
    /// al. 2020), so no code stays unused; their averages restart at the threshold (and their sums at the threshold times
    /// the new code). Uses TorchSharp's global generator, which checkpoints save.
    /// </summary>
    private void ResetDeadCodes(Tensor rows, Tensor codebook, Tensor assignments, Tensor? embeddingSum)
    {
        // The dead codes' indices: [M]
        var dead = assignments.lt(Of(DeadCodeThreshold)).nonzero().squeeze(1);
        var count = dead.shape[0];
        if (count == 0)
        {
            return;
        }

        // M rows of this batch, drawn with replacement: [M, D]
        var chosen = rows.index_select(0, randint(rows.shape[0], new long[] { count }, device: rows.device));
        codebook.index_copy_(0, dead, chosen);
        embeddingSum?.index_copy_(0, dead, chosen.mul(Of(DeadCodeThreshold)));
        assignments.index_fill_(0, dead, Of(DeadCodeThreshold));
    }

    /// <summary>The quantizer registers its state explicitly, on its owner; TorchSharp's reflective registration would take the owner for a child module.</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>One row per code vector: [B, D] as it is (N = B); [B, D, …] -> [B, …, D] -> [N, D], N = B times the positions.</summary>
    private Tensor Rows(Tensor z) => z.dim() == 2 ? z : z.permute(ChannelsLast(z.dim())).reshape(-1, CodeDimension);

    /// <summary>Code vectors [N, D] back in z's layout: [B, D] as they are; [N, D] -> [B, …, D] -> [B, D, …].</summary>
    private static Tensor InLayoutOf(Tensor z, Tensor vectors)
    {
        if (z.dim() == 2)
        {
            return vectors;
        }

        var channelsLast = new long[z.dim()];
        channelsLast[0] = z.shape[0];
        for (var axis = 2; axis < z.dim(); axis++)
        {
            channelsLast[axis - 1] = z.shape[axis];
        }

        channelsLast[^1] = z.shape[1];
        return vectors.reshape(channelsLast).permute(ChannelsFirst(z.dim()));
    }

    /// <summary>Indices [N] at z's positions: [B] as they are; [N] -> [B, …].</summary>
    private static Tensor IndicesInLayoutOf(Tensor z, Tensor indices)
    {
        if (z.dim() == 2)
        {
            return indices;
        }

        var positions = new long[z.dim() - 1];
        positions[0] = z.shape[0];
        for (var axis = 2; axis < z.dim(); axis++)
        {
            positions[axis - 1] = z.shape[axis];
        }

        return indices.reshape(positions);
    }

    /// <summary>The permutation that moves axis 1 last: 0, 2, 3, 1 for [B, D, H, W].</summary>
    private static long[] ChannelsLast(long rank)
    {
        var axes = new long[rank];
        for (var i = 1; i < rank - 1; i++)
        {
            axes[i] = i + 1;
        }

        axes[^1] = 1;
        return axes;
    }

    /// <summary>Its inverse, which moves the last axis back to axis 1: 0, 3, 1, 2 for [B, H, W, D].</summary>
    private static long[] ChannelsFirst(long rank)
    {
        var axes = new long[rank];
        axes[1] = rank - 1;
        for (var i = 2; i < rank; i++)
        {
            axes[i] = i - 1;
        }

        return axes;
    }

    private Tensor Buffer(string name) => _state.get_buffer(name) ?? throw Missing(name);

    private InvalidOperationException Missing(string name) =>
        new($"The vector quantizer '{GetName()}' finds no '{name}' in the state of '{_state.GetName()}', where it registered it.");

    private void CheckCode(Tensor z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.dim() < 2 || z.shape[1] != CodeDimension)
        {
            throw new ArgumentException(
                $"The vector quantizer '{GetName()}' takes codes [B, {CodeDimension}, …] (code vectors along axis 1), not [{string.Join(", ", z.shape)}].",
                nameof(z));
        }
    }

    private static void ThrowIfNotFiniteOrNegative(double value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number ≥ 0.");
        }
    }
}
