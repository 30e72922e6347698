using Autoencoder.Generators.Analysis;

namespace Autoencoder.Generators.Emit
{
    /// <summary>Writes throwing bodies for the partial methods of a model with errors (see <see cref="ErrorFallback"/>).</summary>
    internal static class ErrorFallbackEmitter
    {
        public static string Emit(ErrorFallback fallback)
        {
            var w = new SourceWriter();
            TypeScaffold.OpenFile(w, fallback.Type);
            w.Line(TorchNames.GeneratedCode);
            w.Open("partial class " + fallback.Type.Name);
            w.Line("// The declaration has errors (the AE diagnostics); these bodies only stop the compiler from adding more.");
            foreach (var network in fallback.Networks)
            {
                var returns = network.ReturnsGaussianCode ? VariationalEmitter.GaussianCode : TorchNames.Tensor;
                w.Line(network.Accessibility + " partial " + returns + " " + network.MethodName + "(" + TorchNames.Tensor + " " + network.ParameterName + ") =>");
                w.Line("    throw new global::System.InvalidOperationException(\"" + fallback.Type.Name + " has declaration errors; fix them and rebuild.\");");
            }

            w.Close();
            TypeScaffold.CloseFile(w, fallback.Type);
            return w.ToString();
        }
    }
}
