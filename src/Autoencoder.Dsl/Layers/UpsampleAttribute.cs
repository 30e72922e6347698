using System;

namespace Autoencoder
{
    /// <summary>Enlarges an image input by a whole factor: [C, H, W] → [C, H·scale, W·scale]. No parameters.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
    public sealed class UpsampleAttribute : LayerAttribute
    {
        /// <summary>Declares upsampling.</summary>
        /// <param name="scale">Factor applied to height and width.</param>
        public UpsampleAttribute(int scale) => Scale = scale;

        /// <summary>Factor applied to height and width.</summary>
        public int Scale { get; }

        /// <summary>How new pixels are filled; <see cref="Upsampling.Nearest"/> unless set.</summary>
        public Upsampling Mode { get; set; }
    }
}
