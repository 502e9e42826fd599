using System.Collections.Generic;
using System.Threading;
using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CqBot.Generators;

/// <summary>
/// Reads what commands, checks and handlers share from their symbols: the partial type that receives
/// generated code, its constructor's services, where an injected parameter comes from, and how a
/// return value is sent. Both the command and the handler parser read signatures through it.
/// </summary>
internal static class MethodSignatureReader
{
    /// <summary>The partial, non-nested, non-generic type generated code goes into, or null after reporting why it cannot.</summary>
    public static ContainingTypeModel? ContainingType(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        string? keyword = null;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax syntax && syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                keyword = syntax switch
                {
                    RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                    StructDeclarationSyntax => "struct",
                    _ => "class",
                };
                break;
            }
        }
        if (keyword is null || type.ContainingType is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.TypeNotPartial, type.Locations.Length > 0 ? type.Locations[0] : null, type.Name));
            return null;
        }
        if (type.IsGenericType)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedContainingType, type.Locations.Length > 0 ? type.Locations[0] : null, type.Name));
            return null;
        }
        var ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        return new ContainingTypeModel(ns, type.Name, keyword, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
    }

    /// <summary>The service types of the public constructor with the most parameters, fully qualified.</summary>
    public static string[] ConstructorServices(INamedTypeSymbol type)
    {
        IMethodSymbol? chosen = null;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected)
            {
                continue;
            }
            if (chosen is null || constructor.Parameters.Length > chosen.Parameters.Length)
            {
                chosen = constructor;
            }
        }
        if (chosen is null)
        {
            return System.Array.Empty<string>();
        }
        var services = new string[chosen.Parameters.Length];
        for (var i = 0; i < services.Length; i++)
        {
            services[i] = chosen.Parameters[i].Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        }
        return services;
    }

    /// <summary>Where an injected parameter's value comes from, or null for arguments, options and services.</summary>
    public static ParameterSource? ClassifyInjected(ITypeSymbol type, WellKnownTypes known)
    {
        if (WellKnownTypes.Is(type, known.Session))
        {
            return ParameterSource.Session;
        }
        if (WellKnownTypes.Is(type, known.CommandContext))
        {
            return ParameterSource.Context;
        }
        if (WellKnownTypes.Is(type, known.Bot))
        {
            return ParameterSource.Bot;
        }
        if (WellKnownTypes.Is(type, known.CancellationToken))
        {
            return ParameterSource.CancellationToken;
        }
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (WellKnownTypes.Is(current, known.Event))
            {
                return ParameterSource.Event;
            }
        }
        return null;
    }

    /// <summary>How the return value is sent, or null when the type is not one a command or handler may return.</summary>
    public static ReturnKind? ClassifyReturn(ITypeSymbol type, WellKnownTypes known)
    {
        if (type.SpecialType == SpecialType.System_Void)
        {
            return ReturnKind.Void;
        }
        if (Sent(type, known) is { } single)
        {
            return single;
        }
        if (WellKnownTypes.Is(type, known.Task))
        {
            return ReturnKind.Task;
        }
        if (WellKnownTypes.Is(type, known.ValueTask))
        {
            return ReturnKind.ValueTask;
        }
        if (type is INamedTypeSymbol { TypeArguments.Length: 1 } generic && Sent(generic.TypeArguments[0], known) is { } result)
        {
            if (WellKnownTypes.IsConstructedFrom(type, known.TaskOfResult))
            {
                return result switch
                {
                    ReturnKind.Text => ReturnKind.TaskOfText,
                    ReturnKind.Message => ReturnKind.TaskOfMessage,
                    _ => ReturnKind.TaskOfOperation,
                };
            }
            if (WellKnownTypes.IsConstructedFrom(type, known.ValueTaskOfResult))
            {
                return result switch
                {
                    ReturnKind.Text => ReturnKind.ValueTaskOfText,
                    ReturnKind.Message => ReturnKind.ValueTaskOfMessage,
                    _ => ReturnKind.ValueTaskOfOperation,
                };
            }
        }
        return null;
    }

    // A value that is sent as it is: text, a message or a quick operation.
    private static ReturnKind? Sent(ITypeSymbol type, WellKnownTypes known)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return ReturnKind.Text;
        }
        if (WellKnownTypes.Is(type, known.Message))
        {
            return ReturnKind.Message;
        }
        return WellKnownTypes.Is(type, known.QuickOperation) ? ReturnKind.Operation : null;
    }
}
