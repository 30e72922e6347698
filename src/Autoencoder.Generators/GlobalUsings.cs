// The generator's own folders, which nearly every file uses: front-ends → spec → layers/analysis → families/emit.
global using Autoencoder.Generators.Analysis;
global using Autoencoder.Generators.Common;
global using Autoencoder.Generators.Diagnostics;
global using Autoencoder.Generators.Emit;
global using Autoencoder.Generators.Families;
global using Autoencoder.Generators.Layers;
global using Autoencoder.Generators.Spec;
