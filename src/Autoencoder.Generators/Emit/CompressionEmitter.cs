using System.Linq;

namespace Autoencoder.Generators.Emit;

/// <summary>
/// Writes a compression model, a learned codec (Ballé et al. 2017/2018): λ and the pixel count of the rate, the entropy
/// model registered as <c>entropy</c>, forward through the quantised code, the rate–distortion objective with its
/// "distortion" and "bpp" terms, <c>CreateCodec</c>, <c>Compress</c> and <c>Decompress</c>, and the trainer's measure of
/// the real rate.
/// </summary>
internal static class CompressionEmitter
{
    private const string Tensor = TorchNames.Tensor;
    private const string Torch = TorchNames.Torch;
    private const string Compression = TorchNames.Runtime + ".Compression";
    private const string Training = TorchNames.Runtime + ".Training";

    public static void WriteConstants(SourceWriter w, AnalyzedModel model, AnalyzedCompression c)
    {
        w.Line("/// <summary>λ, the weight of the rate (bits per pixel) against the distortion in <see cref=\"TrainingObjective\"/>; larger gives smaller streams.</summary>");
        w.Line("public const double RateWeight = " + Literals.Format(c.RateWeight) + ";");
        w.Line();
        if (c.Pixels is { } pixels)
        {
            w.Line("/// <summary>The pixels of one image, " + PixelsDescription(model.Input) + ": bits per image divided by this are bits per pixel.</summary>");
            w.Line("public const long PixelsPerImage = " + Literals.Format(pixels) + ";");
            w.Line();
        }
    }

    public static void WriteField(SourceWriter w, AnalyzedCompression c)
    {
        w.Line(c.Hyper is null
            ? "// The entropy model: one learned density per code channel (" + c.Channels + "), which gives the rate and drives the range coder."
            : "// The density of the side information z: one learned density per channel (" + c.Channels + "); y is coded under Gaussians the hyper-decoder sets.");
        w.Line("private readonly " + Compression + ".EntropyBottleneck entropy;");
        w.Line();
    }

    public static void WriteConstruction(SourceWriter w, AnalyzedCompression c)
    {
        w.Line();
        w.Line("// Channels are the " + (c.Hyper is null ? "code's" : "side information's") + " axis 1: " + (c.Hyper?.Side ?? c.Code) + ".");
        w.Line("entropy = new " + Compression + ".EntropyBottleneck(\"entropy\", " + c.Channels + ");");
    }

    public static void WriteRegistration(SourceWriter w)
        => w.Line("register_module(\"entropy\", entropy);");

    /// <summary>forward, Reconstruct, the loss, the corruption of a denoising codec, the objective, the codec and its two calls.</summary>
    public static void WriteMethods(SourceWriter w, AnalyzedModel model, AnalyzedCompression c)
    {
        if (c.Hyper is { } hyper)
        {
            WriteHyperprior(w, model, c, hyper);
        }
        else
        {
            WriteFactorizedForward(w, model);
        }

        ReconstructionMembers.Write(w, model, ": the distortion");
        RegularizationEmitter.WriteCorruptionIfDeclared(w, model);
        WriteObjective(w, model, c);
        WriteCodec(w, model, c, model.Loss == ReconstructionLoss.BinaryCrossEntropyWithLogits);
    }

    private static void WriteFactorizedForward(SourceWriter w, AnalyzedModel model)
    {
        var encode = model.Encoder.MethodName;
        var decode = model.Decoder.MethodName;
        w.Line("/// <summary>");
        w.Line("/// Reconstructs a batch through the quantised code: <c>" + decode + "(entropy.forward(" + encode + "(input)).Quantized)</c>, " + model.Input + " -> " + model.Decoder.Output + ".");
        w.Line("/// In training mode the code gets U(−½, ½) noise; in evaluation mode it is rounded to integers, as the codec rounds it.");
        w.Line("/// </summary>");
        w.Line("public override " + Tensor + " forward(" + Tensor + " input) => " + decode + "(entropy.forward(" + encode + "(input)).Quantized);");
        w.Line();
    }

    private static void WriteObjective(SourceWriter w, AnalyzedModel model, AnalyzedCompression c)
    {
        w.Line("/// <summary>");
        w.Line("/// The rate–distortion objective for a batch: distortion + λ·bpp. The distortion is <see cref=\"LossFunction\"/> between the");
        w.Line(c.Hyper is null
            ? "/// decoded quantised code and the batch; bpp is the entropy model's estimate of the code's bits (−Σ log2 p) per image, over"
            : "/// decoded quantised code and the batch; bpp is the estimate of the bits (−Σ log2 p) of ŷ under its Gaussians and of ẑ per image, over");
        w.Line("/// " + (c.Pixels is null ? "the batch's H·W" : "<see cref=\"PixelsPerImage\"/>") + ", averaged over the batch. Both are terms of the log.");
        w.Line("/// </summary>");
        w.Open("public " + Training + ".BatchObjective TrainingObjective(" + Tensor + " batch)");
        var input = RegularizationEmitter.WriteCorruptedInput(w, model, "batch");

        if (c.Hyper is null)
        {
            w.Line("// The code " + c.Code + ", with noise while training and rounded in evaluation, and its likelihoods.");
            w.Line("var code = entropy.forward(" + model.Encoder.MethodName + "(" + input + "));");
            w.Line("var distortion = LossFunction(" + model.Decoder.MethodName + "(code.Quantized), batch);");
            w.Line("// Bits of each image's code [B] -> bits per pixel, averaged over the batch.");
            w.Line(c.Pixels is null
                ? "var bpp = " + Compression + ".EntropyBottleneck.MeanBitsPerPixel(code.Likelihoods, batch.shape[2] * batch.shape[3]);"
                : "var bpp = " + Compression + ".EntropyBottleneck.BitsPerImage(code.Likelihoods).mean().div(" + w.Scalars.Integer("PixelsPerImage") + ");");
        }
        else
        {
            w.Line("// The code " + c.Code + " and its side information " + c.Hyper.Side + ", with noise while training and rounded in evaluation, and their likelihoods.");
            w.Line("var latent = Latent(" + model.Encoder.MethodName + "(" + input + "));");
            w.Line("var distortion = LossFunction(" + model.Decoder.MethodName + "(latent.Quantized), batch);");
            w.Line("// Bits of each image's code and side information -> bits per pixel, averaged over the batch.");
            w.Line("var bpp = latent.MeanBitsPerPixel(" + (c.Pixels is null ? "batch.shape[2] * batch.shape[3]" : "PixelsPerImage") + ");");
        }

        w.Line("return new " + Training + ".BatchObjective(");
        w.Line("    distortion.add(bpp.mul(" + w.Scalars.Real("RateWeight") + "), " + w.Scalars.One() + "),");
        w.Line("    new " + Training + ".LossTerm(\"distortion\", distortion),");
        w.Line("    new " + Training + ".LossTerm(\"bpp\", bpp));");
        w.Close();
        w.Line();
        w.Line("/// <summary>The loss of <see cref=\"TrainingObjective\"/> alone.</summary>");
        w.Line("public " + Tensor + " TrainingLoss(" + Tensor + " batch) => TrainingObjective(batch).Loss;");
        w.Line();
    }

    private static void WriteCodec(SourceWriter w, AnalyzedModel model, AnalyzedCompression c, bool isLogits)
    {
        var input = model.Input;
        var name = model.Type.Name + " λ=" + Literals.Format(c.RateWeight);
        var decode = isLogits ? "code => " + Torch + ".sigmoid(" + model.Decoder.MethodName + "(code))" : model.Decoder.MethodName;
        w.Line("/// <summary>");
        w.Line("/// A codec that writes images as this model's streams, with the weights the model has now (train it first): the rounded");
        w.Line((c.Hyper is null
            ? "/// code, range-coded under the entropy model, behind a header naming the format version and this model"
            : "/// side information and code, range-coded under the entropy model and under the Gaussians HyperDecoderInDoubles gives, behind a header naming the format version and this model")
               + (model.Free is null ? "" : " and recording the image's channels and size (each image is padded to a size the model takes and cropped back)") + ". Its name,");
        w.Line("/// \"" + name + "\", labels rate–distortion tables.");
        w.Line("/// </summary>");
        if (c.Hyper is { } hyper)
        {
            var geometry = model.Free is null
                ? TorchNames.Models + ".ImageGeometry.Fixed(" + string.Join(", ", model.Input.Dimensions.Select(d => d.ToCSharp())) + ")"
                : "Geometry";
            var hyperEncode = hyper.MeanAndScale ? hyper.HyperEncoder.MethodName : "y => " + hyper.HyperEncoder.MethodName + "(y.abs())";
            w.Line("public " + Compression + ".HyperpriorCodec CreateCodec() =>");
            w.Line("    new " + Compression + ".HyperpriorCodec(\"" + name + "\", this, " + model.Encoder.MethodName + ", " + decode + ", " + hyperEncode + ", HyperDecoderInDoubles(), entropy, Fingerprint, " + geometry
                   + (hyper.MeanAndScale ? ", meanAndScale: true" : string.Empty) + ");");
            w.Line();
            WriteHyperDecoderInDoubles(w, hyper);
        }
        else
        {
            w.Line("public " + Compression + ".LearnedCodec CreateCodec() =>");
            w.Line("    new " + Compression + ".LearnedCodec(\"" + name + "\", this, " + model.Encoder.MethodName + ", " + decode + ", entropy, Fingerprint, "
                   + (model.Free is null ? "InputShape, CodeShape" : "Geometry") + ");");
            w.Line();
        }


        var batch = "[N, " + input.ToText() + "]";
        w.Line("/// <summary>");
        w.Line("/// Compresses each image of <paramref name=\"images\"/>, " + batch + " with values in [0, 1], into its own stream (see");
        w.Line("/// <see cref=\"CreateCodec\"/>). The codec runs the model in evaluation mode and restores its mode.");
        w.Line("/// </summary>");
        w.Line("public byte[][] Compress(" + Tensor + " images) => CreateCodec().EncodeBatch(images);");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Decompresses streams written by <see cref=\"Compress\"/> with this model's weights into images " + batch + ", one per");
        w.Line("/// stream, in order.");
        w.Line("/// </summary>");
        w.Line("/// <exception cref=\"" + Compression + ".CorruptStreamException\">A stream is not one of this model's, or is damaged.</exception>");
        w.Line("public " + Tensor + " Decompress(global::System.Collections.Generic.IReadOnlyList<byte[]> streams) => CreateCodec().DecodeBatch(streams);");
    }

    /// <summary>forward through the hyperprior's latent pass, and that pass as a member of its own.</summary>
    private static void WriteHyperprior(SourceWriter w, AnalyzedModel model, AnalyzedCompression c, AnalyzedHyperprior hyper)
    {
        var encode = model.Encoder.MethodName;
        var decode = model.Decoder.MethodName;
        var input = hyper.MeanAndScale ? "y" : "|y|";
        w.Line("/// <summary>");
        w.Line("/// Reconstructs a batch through the quantised code: <c>" + decode + "(Latent(" + encode + "(input)).Quantized)</c>, " + model.Input + " -> " + model.Decoder.Output + ".");
        w.Line("/// In training mode the code gets U(−½, ½) noise; in evaluation mode it is rounded" + (hyper.MeanAndScale ? " around its means" : " to integers") + ", as the codec rounds it.");
        w.Line("/// </summary>");
        w.Line("public override " + Tensor + " forward(" + Tensor + " input) => " + decode + "(Latent(" + encode + "(input)).Quantized);");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// The " + (hyper.MeanAndScale ? "mean-and-scale" : "scale") + " hyperprior's pass over a code y " + c.Code + ": side information z = "
               + hyper.HyperEncoder.MethodName + "(" + input + ") " + hyper.Side + " through the");
        w.Line("/// entropy model, " + hyper.HyperDecoder.MethodName + "(ẑ) as " + (hyper.MeanAndScale ? "the scales then the means" : "the scales") + " of y's Gaussians, and ŷ with its likelihoods under them.");
        w.Line("/// </summary>");
        w.Line("public " + Compression + ".HyperpriorOutput Latent(" + Tensor + " code) =>");
        w.Line("    " + Compression + ".Hyperprior.Forward(code, " + hyper.HyperEncoder.MethodName + ", " + hyper.HyperDecoder.MethodName + ", entropy, meanAndScale: "
               + (hyper.MeanAndScale ? "true" : "false") + ", training);");
        w.Line();
    }

    private static void WriteHyperDecoderInDoubles(SourceWriter w, AnalyzedHyperprior hyper)
    {
        w.Line("/// <summary>");
        w.Line("/// " + hyper.HyperDecoder.MethodName + " with the weights the model has now, computed in C# doubles with a fixed order of summation: the");
        w.Line("/// codec derives every Gaussian's table from it, so a stream decodes to the same bits on every machine.");
        w.Line("/// </summary>");
        w.Line("public " + Compression + ".Deterministic.DoubleNetwork HyperDecoderInDoubles() => new(new[]");
        w.Line("{");
        foreach (var layer in hyper.InDoubles)
        {
            w.Line("    " + layer + ",");
        }

        w.Line("});");
        w.Line();
    }

    /// <summary>CreateCodec as the interface declares it: the codec returned as a <c>ModelCodec</c>.</summary>
    public static void WriteExplicitMembers(SourceWriter w)
    {
        w.Line();
        w.Line("// CreateCodec above, as the interface's codec type.");
        w.Line(Compression + ".ModelCodec " + TorchNames.Models + ".ICompressionAutoencoder.CreateCodec() => CreateCodec();");
    }

    /// <summary>The trainer's <c>EvaluateCompression</c>: the real rate (stream bytes) and PSNR, not the training estimate.</summary>
    public static void WriteTrainerMembers(SourceWriter w, AnalyzedModel model, AnalyzedCompression c)
    {
        var qualified = "global::" + model.Type.FullName;
        w.Line("/// <summary>");
        w.Line("/// The real rate and quality on <paramref name=\"inputs\"/>, in evaluation mode: every image compressed to its stream and");
        w.Line("/// decompressed. BytesPerImage is the mean stream length, header included; BitsPerPixel the same in bits over the");
        w.Line("/// " + (c.Pixels is { } pixels ? Literals.Format(pixels) : "H·W") + " pixels of an image; Psnr the mean PSNR (dB, peak 1) of the decompressed images.");
        w.Line("/// </summary>");
        w.Line("public (double BytesPerImage, double BitsPerPixel, double Psnr) EvaluateCompression(" + Tensor + " inputs) =>");
        w.Line("    Model.CreateCodec().Evaluate(inputs, " + (c.Pixels is null ? "inputs.shape[2] * inputs.shape[3]" : qualified + ".PixelsPerImage") + ");");
        w.Line();
    }

    private static string PixelsDescription(Shape input)
        => input.Rank == 3 ? "H·W = " + input.Dimensions[1] + "·" + input.Dimensions[2] : "the element count of its " + input.Rank + "-dimensional input";
}
