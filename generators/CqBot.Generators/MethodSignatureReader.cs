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
    private const string Session = "global::CqBot.Session";
    private const string Context = "global::CqBot.CommandContext";
    private const string Bot = "global::CqBot.IBot";
    private const string CancellationToken = "global::System.Threading.CancellationToken";
    internal const string Message = "global::CqBot.Message";
    private const string QuickOperationType = "global::CqBot.QuickOperation";

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
            diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.TypeNotPartial, type.Locations.Length > 0 ? type.Locations[0] : null, type.Name));
            return null;
        }
        if (type.IsGenericType)
        {
            diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedContainingType, type.Locations.Length > 0 ? type.Locations[0] : null, type.Name));
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
    public static ParameterSource? ClassifyInjected(ITypeSymbol type, string typeName)
    {
        switch (typeName)
        {
            case Session: return ParameterSource.Session;
            case Context: return ParameterSource.Context;
            case Bot: return ParameterSource.Bot;
            case CancellationToken: return ParameterSource.CancellationToken;
        }
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolNames.Is(current, "CqBot", "Event"))
            {
                return ParameterSource.Event;
            }
        }
        return null;
    }

    /// <summary>How the return value is sent, or null when the type is not one a command or handler may return.</summary>
    public static ReturnKind? ClassifyReturn(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Void)
        {
            return ReturnKind.Void;
        }
        if (type.SpecialType == SpecialType.System_String)
        {
            return ReturnKind.Text;
        }
        var name = type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (name == Message)
        {
            return ReturnKind.Message;
        }
        if (name == QuickOperationType)
        {
            return ReturnKind.Operation;
        }
        if (name == "global::System.Threading.Tasks.Task")
        {
            return ReturnKind.Task;
        }
        if (name == "global::System.Threading.Tasks.ValueTask")
        {
            return ReturnKind.ValueTask;
        }
        if (type is INamedTypeSymbol { TypeArguments.Length: 1 } generic)
        {
            var argument = generic.TypeArguments[0];
            var isText = argument.SpecialType == SpecialType.System_String;
            var isMessage = argument.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == Message;
            if (argument.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == QuickOperationType)
            {
                if (name == "global::System.Threading.Tasks.Task<TResult>")
                {
                    return ReturnKind.TaskOfOperation;
                }
                if (name == "global::System.Threading.Tasks.ValueTask<TResult>")
                {
                    return ReturnKind.ValueTaskOfOperation;
                }
            }
            if (isText || isMessage)
            {
                if (name == "global::System.Threading.Tasks.Task<TResult>")
                {
                    return isText ? ReturnKind.TaskOfText : ReturnKind.TaskOfMessage;
                }
                if (name == "global::System.Threading.Tasks.ValueTask<TResult>")
                {
                    return isText ? ReturnKind.ValueTaskOfText : ReturnKind.ValueTaskOfMessage;
                }
            }
        }
        return null;
    }
}
