using System.Collections.Generic;
using System.Threading;
using CqBot.Generators.Declarations;
using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CqBot.Generators;

public sealed partial class CommandGenerator
{
    internal static class Parser
    {
        private const string Session = "global::CqBot.Session";
        private const string Context = "global::CqBot.CommandContext";
        private const string Bot = "global::CqBot.IBot";
        private const string Event = "global::CqBot.Event";
        private const string CancellationToken = "global::System.Threading.CancellationToken";
        private const string Message = "global::CqBot.Message";

        public static CommandResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var method = (IMethodSymbol)context.TargetSymbol;
            var attribute = context.Attributes[0];
            var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();
            var declarationLocation = DeclarationArgumentLocation(attribute, cancellationToken) ?? attributeLocation;

            var containingType = ParseContainingType(method.ContainingType, cancellationToken);
            if (containingType is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.TypeNotPartial, method.ContainingType.Locations.Length > 0 ? method.ContainingType.Locations[0] : null, method.ContainingType.Name));
            }

            var declarationText = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
            var declaration = declarationText is null ? null : CommandDeclaration.TryParse(declarationText, out var error) is { } parsed ? parsed : Fail(declarationText, error);
            CommandDeclaration? Fail(string text, string? reason)
            {
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.InvalidDeclaration, declarationLocation, text, reason ?? "unknown error"));
                return null;
            }

            var returnKind = ClassifyReturn(method.ReturnType);
            if (returnKind is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedReturnType, method.Locations[0], method.Name, method.ReturnType.ToDisplayString()));
            }

            if (declaration is null || containingType is null || returnKind is null)
            {
                return new CommandResult(null, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
            }

            var arguments = new ArgumentModel[declaration.Arguments.Count];
            var bound = new bool[declaration.Arguments.Count];
            var parameters = new List<ParameterModel>();
            foreach (var parameter in method.Parameters)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var typeName = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                var source = ClassifyInjected(parameter.Type, typeName);
                if (source is not null)
                {
                    parameters.Add(new ParameterModel(parameter.Name, source.Value, typeName, -1, ValueConversion.None, null, false));
                    continue;
                }
                var index = FindArgument(declaration, parameter.Name);
                if (index < 0)
                {
                    parameters.Add(new ParameterModel(parameter.Name, ParameterSource.Service, typeName, -1, ValueConversion.None, null, false));
                    continue;
                }
                bound[index] = true;
                var declared = declaration.Arguments[index];
                var parameterLocation = parameter.Locations.Length > 0 ? parameter.Locations[0] : null;
                var conversion = ClassifyConversion(parameter.Type, out var nullable);
                var domain = declared.Type ?? InferDomain(conversion);
                if (domain is null || !IsKnownDomain(domain))
                {
                    diagnostics.Add(declared.Type is null
                        ? DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedParameterType, parameterLocation, parameter.Name, parameter.Type.ToDisplayString(), "declared", declared.Name)
                        : DiagnosticInfo.Create(GeneratorDiagnostics.UnknownType, declarationLocation, declared.Name, declared.Type));
                    continue;
                }
                if (!Compatible(domain, conversion, declared.Variadic))
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedParameterType, parameterLocation, parameter.Name, parameter.Type.ToDisplayString(), domain, declared.Name));
                    continue;
                }
                string? defaultLiteral = null;
                if (parameter.HasExplicitDefaultValue)
                {
                    defaultLiteral = parameter.ExplicitDefaultValue is null
                        ? "default"
                        : SymbolDisplay.FormatPrimitive(parameter.ExplicitDefaultValue, quoteStrings: true, useHexadecimalNumbers: false);
                }
                if (!declared.Required && !declared.Variadic && defaultLiteral is null && !nullable)
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.OptionalArgumentNeedsDefault, parameterLocation, parameter.Name, declared.Name));
                    continue;
                }
                arguments[index] = new ArgumentModel(declared.Name, domain, declared.Required, declared.Variadic);
                parameters.Add(new ParameterModel(parameter.Name, ParameterSource.Argument, typeName, index, conversion, defaultLiteral, nullable));
            }
            for (var i = 0; i < bound.Length; i++)
            {
                if (!bound[i])
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.ArgumentWithoutParameter, declarationLocation, declaration.Arguments[i].Name, declaration.Name, method.Name));
                }
            }
            if (diagnostics.Count > 0)
            {
                return new CommandResult(null, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
            }

            var model = new CommandModel(
                containingType,
                method.Name,
                method.IsStatic,
                declaration.Name,
                new EquatableArray<string>(ReadAliases(attribute)),
                ReadNamed(attribute, "Description"),
                declaration.Usage,
                new EquatableArray<ArgumentModel>(arguments),
                new EquatableArray<ParameterModel>(parameters.ToArray()),
                returnKind.Value,
                new EquatableArray<string>(method.IsStatic ? System.Array.Empty<string>() : ConstructorServices(method.ContainingType)));
            return new CommandResult(model, EquatableArray<DiagnosticInfo>.Empty);
        }

        private static Location? DeclarationArgumentLocation(AttributeData attribute, CancellationToken cancellationToken)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax)
            {
                return syntax.ArgumentList.Arguments[0].GetLocation();
            }
            return null;
        }

        private static ContainingTypeModel? ParseContainingType(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            if (type.ContainingType is not null)
            {
                return null;
            }
            var keyword = (string?)null;
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
            if (keyword is null)
            {
                return null;
            }
            var ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
            return new ContainingTypeModel(ns, type.Name, keyword, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
        }

        private static ParameterSource? ClassifyInjected(ITypeSymbol type, string typeName)
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
                if (current.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == Event)
                {
                    return ParameterSource.Event;
                }
            }
            return null;
        }

        private static int FindArgument(CommandDeclaration declaration, string parameterName)
        {
            for (var i = 0; i < declaration.Arguments.Count; i++)
            {
                if (SameName(declaration.Arguments[i].Name, parameterName))
                {
                    return i;
                }
            }
            return -1;
        }

        // Declarations use kebab-case or camelCase; C# parameters use camelCase.
        private static bool SameName(string declared, string parameter) =>
            string.Equals(declared.Replace("-", "").Replace("_", ""), parameter.Replace("_", ""), System.StringComparison.OrdinalIgnoreCase);

        private static ValueConversion ClassifyConversion(ITypeSymbol type, out bool nullable)
        {
            nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
            {
                nullable = true;
                type = wrapper.TypeArguments[0];
            }
            if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String })
            {
                return ValueConversion.StringArray;
            }
            return type.SpecialType switch
            {
                SpecialType.System_String => ValueConversion.String,
                SpecialType.System_Int32 => ValueConversion.Int32,
                SpecialType.System_Int64 => ValueConversion.Int64,
                SpecialType.System_Double => ValueConversion.Double,
                SpecialType.System_Single => ValueConversion.Single,
                SpecialType.System_Boolean => ValueConversion.Boolean,
                _ => ValueConversion.None,
            };
        }

        private static string? InferDomain(ValueConversion conversion) => conversion switch
        {
            ValueConversion.String or ValueConversion.StringArray => "string",
            ValueConversion.Int32 or ValueConversion.Int64 => "integer",
            ValueConversion.Double or ValueConversion.Single => "number",
            ValueConversion.Boolean => "boolean",
            _ => null,
        };

        private static bool IsKnownDomain(string domain) =>
            domain is "string" or "text" or "number" or "integer" or "posint" or "natural" or "boolean";

        private static bool Compatible(string domain, ValueConversion conversion, bool variadic)
        {
            if (variadic)
            {
                return conversion == ValueConversion.StringArray && domain is "string";
            }
            return domain switch
            {
                "string" or "text" => conversion == ValueConversion.String,
                "integer" or "posint" or "natural" => conversion is ValueConversion.Int32 or ValueConversion.Int64,
                "number" => conversion is ValueConversion.Double or ValueConversion.Single,
                "boolean" => conversion == ValueConversion.Boolean,
                _ => false,
            };
        }

        private static ReturnKind? ClassifyReturn(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_Void)
            {
                return ReturnKind.Void;
            }
            var name = type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (type.SpecialType == SpecialType.System_String)
            {
                return ReturnKind.Text;
            }
            if (name == Message)
            {
                return ReturnKind.Message;
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

        private static string[] ReadAliases(AttributeData attribute)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Aliases" && !named.Value.IsNull)
                {
                    var values = new List<string>();
                    foreach (var value in named.Value.Values)
                    {
                        if (value.Value is string alias)
                        {
                            values.Add(CommandDeclaration.NormalizeName(alias));
                        }
                    }
                    return values.ToArray();
                }
            }
            return System.Array.Empty<string>();
        }

        private static string? ReadNamed(AttributeData attribute, string name)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == name)
                {
                    return named.Value.Value as string;
                }
            }
            return null;
        }

        private static string[] ConstructorServices(INamedTypeSymbol type)
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
    }
}
