using System;
using Microsoft.CodeAnalysis;

namespace Autoencoder.Generators.Diagnostics;

/// <summary>A diagnostic as an equatable value (descriptor id, location, message arguments), safe to cache.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs)
        => new(descriptor, location, EquatableArray.Create(messageArgs));

    public Diagnostic ToDiagnostic()
    {
        var args = new object[MessageArgs.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = MessageArgs[i];
        }

        return Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }

    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    /// <summary>The message with its arguments, as the compiler shows it.</summary>
    public string Message => string.Format(System.Globalization.CultureInfo.InvariantCulture, Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Cast<object>(MessageArgs)));

    public bool Equals(DiagnosticInfo? other)
        => other is not null
           && string.Equals(Descriptor.Id, other.Descriptor.Id, StringComparison.Ordinal)
           && Equals(Location, other.Location)
           && MessageArgs.Equals(other.MessageArgs);

    public override int GetHashCode() => (Descriptor.Id.GetHashCode() * 397) ^ MessageArgs.GetHashCode();
}
