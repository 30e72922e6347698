namespace Autoencoder.Runtime.Data;

/// <summary>Which of the two standard MNIST splits to load.</summary>
public enum MnistSubset
{
    /// <summary>The 60,000 training images (<c>train-*</c> files).</summary>
    Train,

    /// <summary>The 10,000 test images (<c>t10k-*</c> files).</summary>
    Test,
}
