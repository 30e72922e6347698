namespace Autoencoder.Runtime.IO;

/// <summary>How a model file stores the model's floating-point weights.</summary>
public enum WeightStorage
{
    /// <summary>As the model holds them: every tensor in its own dtype, so loading gives back the same model bit for bit.</summary>
    Float32,

    /// <summary>
    /// Float32 tensors rounded to float16 (IEEE half: 11 significant bits, up to 65504), half the size; loading widens them
    /// back. For weights that ship (a model zoo): the loaded model differs from the trained one by that rounding, so measure
    /// the file that ships, not the model it came from.
    /// </summary>
    Float16,
}
