using System.Collections.Generic;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.IO;

/// <summary>A module's state_dict() as PyTorch's <c>nn.Module.state_dict()</c> would give it.</summary>
internal static class PyTorchStateDict
{
    /// <summary>
    /// The same keys and values as TorchSharp's state_dict(), in PyTorch's order, each tensor detached. TorchSharp lists
    /// every parameter of the whole tree and then every buffer; PyTorch walks the modules depth-first and lists each
    /// one's parameters, then its persistent buffers (BatchNorm's <c>running_mean</c> right after its <c>bias</c>).
    /// Loading does not depend on the order, but <c>torch.load(path).keys()</c> then reads like the PyTorch model's.
    /// Detached, as PyTorch's state_dict() returns them, so the pickled tensors do not say <c>requires_grad</c>.
    /// The detached tensors are new handles: call inside a dispose scope.
    /// </summary>
    public static Dictionary<string, Tensor> Of(nn.Module model)
    {
        var state = model.state_dict();
        var ordered = new Dictionary<string, Tensor>(state.Count);
        Walk(model, prefix: "", state, ordered);
        // state_dict() is the authority on what is saved; anything the walk did not reach keeps TorchSharp's order.
        foreach (var (name, value) in state)
            ordered.TryAdd(name, value.detach());
        return ordered;
    }

    private static void Walk(
        nn.Module module, string prefix, Dictionary<string, Tensor> state, Dictionary<string, Tensor> ordered)
    {
        foreach (var (name, _) in module.named_parameters(recurse: false))
            Take(prefix + name, state, ordered);
        foreach (var (name, _) in module.named_buffers(recurse: false, include_nonpersistent: false))
            Take(prefix + name, state, ordered);
        foreach (var (name, child) in module.named_children())
            Walk(child, prefix + name + ".", state, ordered);
    }

    private static void Take(string key, Dictionary<string, Tensor> state, Dictionary<string, Tensor> ordered)
    {
        if (state.TryGetValue(key, out var value) && !ordered.ContainsKey(key))
            ordered.Add(key, value.detach());
    }
}
