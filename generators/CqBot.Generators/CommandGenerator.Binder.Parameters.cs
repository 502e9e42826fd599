using System.Globalization;
using System.Collections.Generic;
using System.Threading;
using CqBot.Analyzers;
using CqBot.Generators.Declarations;
using CqBot.Generators.Model;

namespace CqBot.Generators;

// No modifiers here: the file is also compiled into CqBot.Analyzers, where the class is internal.
partial class CommandGenerator
{
    internal static partial class Binder
    {
        /// <summary>Matches the method's parameters to the declared arguments and options, by name.</summary>
        private sealed class ParameterBinder(
            CommandSource source,
            CommandDeclaration declaration,
            List<DiagnosticInfo> diagnostics,
            CancellationToken cancellationToken)
        {
            public ArgumentModel[] Arguments { get; } = new ArgumentModel[declaration.Arguments.Count];

            public List<OptionModel> Options { get; } = [];

            public List<ParameterModel> Parameters { get; } = [];

            public void Bind()
            {
                var optionSlots = BindOptionDeclarations();
                var bound = new bool[declaration.Arguments.Count];
                var unmatched = new List<string>();
                foreach (var parameter in source.Parameters)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (parameter.Injected is { } injected)
                    {
                        Parameters.Add(new ParameterModel(parameter.Name, injected, parameter.TypeName, -1, ValueConversion.None, null, null, ""));
                        continue;
                    }
                    var argumentIndex = FindArgument(parameter.Name);
                    if (argumentIndex >= 0)
                    {
                        bound[argumentIndex] = true;
                        BindArgument(parameter, argumentIndex);
                        continue;
                    }
                    if (optionSlots.TryGetValue(parameter.Name, out var option))
                    {
                        option.Parameter = parameter;
                        continue;
                    }
                    unmatched.Add(parameter.Name);
                    Parameters.Add(new ParameterModel(parameter.Name, ParameterSource.Service, parameter.TypeName, -1, ValueConversion.None, null, null, ""));
                }
                for (var i = 0; i < bound.Length; i++)
                {
                    if (!bound[i])
                    {
                        var argument = declaration.Arguments[i];
                        var nearest = NearestUnboundParameter(argument.Name, optionSlots);
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.ArgumentWithoutParameter, source.DeclarationLocation?.Within(argument.Start, argument.Length),
                            argument.Name, declaration.Name, source.MethodName, DidYouMeanParameter(nearest)) with
                        {
                            Suggestion = nearest,
                            // For the fix: the argument to add a parameter for, and the parameters that may be it misspelled.
                            Properties = new EquatableArray<string>(new[]
                            {
                                "Argument", argument.Name,
                                "Index", i.ToString(CultureInfo.InvariantCulture),
                                "Type", argument.Type ?? "",
                                "Required", argument.Required ? "true" : "false",
                                "Variadic", argument.Variadic ? "true" : "false",
                                "Unmatched", string.Join(",", unmatched),
                            }),
                        });
                    }
                }
                BindOptions();
            }

            private void BindArgument(MethodParameter parameter, int index)
            {
                var declared = declaration.Arguments[index];
                var shape = parameter.Shape!;
                if (declared.Variadic != shape.IsArray)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedParameterType, parameter.Location, parameter.Name, parameter.DisplayTypeName, declared.Variadic ? "variadic" : "single", declared.Name,
                        declared.Variadic ? "; a variadic argument binds to an array" : "; an array binds only to a variadic argument ([...name])"));
                    return;
                }
                var typeLocation = declared.Type is null ? null : source.DeclarationLocation?.Within(declared.TypeStart, declared.Type.Length);
                var kind = ResolveKind(declared.Type, typeLocation, shape, parameter, declared.Name);
                if (kind is null)
                {
                    return;
                }
                var defaultLiteral = parameter.ExplicitDefault;
                if (!declared.Required && !declared.Variadic && defaultLiteral is null && !shape.Nullable)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.OptionalArgumentNeedsDefault, parameter.Location, parameter.Name, declared.Name));
                    return;
                }
                Arguments[index] = new ArgumentModel(declared.Name, kind, declared.Required, declared.Variadic, shape.Validator,
                    shape.Validator is null ? default : shape.Choices);
                Parameters.Add(new ParameterModel(parameter.Name, ParameterSource.Argument, parameter.ValueTypeName, index, shape.Conversion, shape.ElementTypeName, defaultLiteral, kind));
            }

            private Dictionary<string, PendingOption> BindOptionDeclarations()
            {
                var byName = new Dictionary<string, PendingOption>(System.StringComparer.OrdinalIgnoreCase);
                var claimed = new HashSet<string>();
                foreach (var option in source.Options)
                {
                    var syntax = OptionSyntax.TryParse(option.SyntaxText, out var error);
                    if (syntax is null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidOptionSyntax, option.Location, option.Name, option.SyntaxText, error ?? "unknown error"));
                        continue;
                    }
                    foreach (var alias in syntax.Aliases)
                    {
                        if (!claimed.Add(alias))
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.DuplicateOptionName, option.Location, alias, declaration.Name));
                        }
                    }
                    var key = Normalize(option.Name);
                    if (!byName.TryGetValue(key, out var pending))
                    {
                        pending = new PendingOption(option.Name, byName.Count);
                        byName.Add(key, pending);
                    }
                    pending.Declarations.Add((option, syntax));
                }
                // Parameters are looked up by their own spelling.
                var byParameter = new Dictionary<string, PendingOption>(System.StringComparer.Ordinal);
                foreach (var parameter in source.Parameters)
                {
                    if (byName.TryGetValue(Normalize(parameter.Name), out var pending))
                    {
                        byParameter[parameter.Name] = pending;
                    }
                }
                foreach (var pending in byName.Values)
                {
                    var hasParameter = false;
                    foreach (var parameter in source.Parameters)
                    {
                        hasParameter |= Normalize(parameter.Name) == Normalize(pending.Name);
                    }
                    if (!hasParameter)
                    {
                        var nearest = NearestUnboundParameter(pending.Name, byParameter);
                        var syntax = pending.Declarations[0].Syntax;
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.OptionWithoutParameter, pending.Declarations[0].Option.Location,
                            pending.Name, declaration.Name, source.MethodName, DidYouMeanParameter(nearest)) with
                        {
                            Suggestion = nearest,
                            // For the fix, as for an argument: an option is optional, and one without a value is a flag.
                            Properties = new EquatableArray<string>(new[]
                            {
                                "Argument", pending.Name,
                                "Index", (declaration.Arguments.Count + pending.Slot).ToString(CultureInfo.InvariantCulture),
                                "Type", syntax.TakesValue ? syntax.Type ?? "" : "boolean",
                                "Required", "false",
                                "Variadic", "false",
                                "Flag", syntax.TakesValue ? "false" : "true",
                                "Unmatched", string.Join(",", UnmatchedParameters(byName)),
                            }),
                        });
                    }
                }
                _pendingInOrder = [.. byName.Values];
                return byParameter;
            }

            private List<PendingOption> _pendingInOrder = [];

            // Parameters that are neither a declared argument nor a declared option: where a misspelled name hides.
            private List<string> UnmatchedParameters(Dictionary<string, PendingOption> options)
            {
                var unmatched = new List<string>();
                foreach (var parameter in source.Parameters)
                {
                    if (parameter.Injected is not null || options.ContainsKey(Normalize(parameter.Name)))
                    {
                        continue;
                    }
                    var isArgument = false;
                    foreach (var argument in declaration.Arguments)
                    {
                        isArgument |= Normalize(argument.Name) == Normalize(parameter.Name);
                    }
                    if (!isArgument)
                    {
                        unmatched.Add(parameter.Name);
                    }
                }
                return unmatched;
            }

            // The parameter a misspelt argument or option most likely meant: one that neither an argument
            // nor an option claims and that is not injected, within a few edits of the name.
            private string? NearestUnboundParameter(string name, Dictionary<string, PendingOption> optionSlots)
            {
                var candidates = new Dictionary<string, string>();
                foreach (var parameter in source.Parameters)
                {
                    if (parameter.Injected is null && FindArgument(parameter.Name) < 0 && !optionSlots.ContainsKey(parameter.Name))
                    {
                        candidates[Normalize(parameter.Name)] = parameter.Name;
                    }
                }
                var nearest = NearestName.Find(Normalize(name), candidates.Keys);
                return nearest is null ? null : candidates[nearest];
            }

            private static string DidYouMeanParameter(string? parameter) => parameter is null ? "" : $" Did you mean parameter '{parameter}'?";

            private void BindOptions()
            {
                foreach (var pending in _pendingInOrder)
                {
                    var parameter = pending.Parameter;
                    if (parameter is null)
                    {
                        continue;
                    }
                    var shape = parameter.Shape!;
                    if (shape.IsArray)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedParameterType, parameter.Location, parameter.Name, parameter.DisplayTypeName, "option", pending.Name,
                            "; an option binds to one value, not an array"));
                        continue;
                    }
                    string? kind = null;
                    string? defaultFromAttribute = null;
                    var valued = false;
                    foreach (var (option, syntax) in pending.Declarations)
                    {
                        if (option.Value is not null || !syntax.TakesValue)
                        {
                            continue;
                        }
                        valued = true;
                        var typeLocation = syntax.Type is null ? null : option.Location?.Within(syntax.TypeStart, syntax.Type.Length);
                        kind = ResolveKind(syntax.Type, typeLocation, shape, parameter, pending.Name);
                    }
                    if (!valued)
                    {
                        kind = shape.InferredKind ?? "Boolean";
                    }
                    if (kind is null)
                    {
                        continue;
                    }
                    if (!valued && pending.Declarations.Exists(d => d.Option.Value is null) && shape.Conversion != ValueConversion.Boolean)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedParameterType, parameter.Location, parameter.Name, parameter.DisplayTypeName, "boolean flag", pending.Name,
                            "; an option without a value binds to bool: give it a value (-t <count>) to bind another type"));
                        continue;
                    }
                    foreach (var (option, syntax) in pending.Declarations)
                    {
                        defaultFromAttribute ??= option.Default is null ? null : ConstantLiteral(option.Default, parameter.UnderlyingTypeName);
                        var fixedValue = option.Value is null ? null : FixedValueExpression(option.Value, kind);
                        Options.Add(new OptionModel(
                            pending.Name,
                            new EquatableArray<string>(System.Linq.Enumerable.ToArray(syntax.Aliases)),
                            fixedValue is null ? (syntax.TakesValue ? kind : "Boolean") : kind,
                            fixedValue is null && syntax.TakesValue,
                            syntax.ValueRequired,
                            syntax.ValueName,
                            fixedValue,
                            option.Description,
                            option.Hidden,
                            syntax.TakesValue ? shape.Validator : null,
                            syntax.TakesValue && shape.Validator is not null ? shape.Choices : default));
                    }
                    var defaultLiteral = parameter.ExplicitDefault ?? defaultFromAttribute;
                    if (parameter.RejectsNull && defaultLiteral is null or "default")
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.OptionNeedsDefault, parameter.Location, parameter.Name, pending.Name));
                        continue;
                    }
                    Parameters.Add(new ParameterModel(parameter.Name, ParameterSource.Option, parameter.ValueTypeName, pending.Slot, shape.Conversion, shape.ElementTypeName, defaultLiteral, kind));
                }
            }

            private string? ResolveKind(string? declaredType, LocationInfo? typeLocation, TypeShape shape, MethodParameter parameter, string name)
            {
                if (declaredType is null)
                {
                    if (shape.InferredKind is null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedParameterType, parameter.Location, parameter.Name, parameter.DisplayTypeName, "declared", name,
                            "; write its type (<name:integer>), or use string, a number, bool, DateTime, DateTimeOffset, Segment, an enum or a type with a static TryParse"));
                    }
                    return shape.InferredKind;
                }
                var kind = KindOfDomain(declaredType);
                if (kind is null)
                {
                    var nearest = NearestName.Find(declaredType.ToLowerInvariant(), DomainNames);
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnknownType, typeLocation ?? source.DeclarationLocation, name, declaredType,
                        nearest is null ? "" : $" Did you mean '{nearest}'?") with { Suggestion = nearest });
                    return null;
                }
                if (!Compatible(kind, shape.Conversion))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedParameterType, parameter.Location, parameter.Name, parameter.DisplayTypeName, declaredType, name,
                        $"; ':{declaredType}' binds to {AcceptedTypes(kind)}"));
                    return null;
                }
                return kind;
            }

            private int FindArgument(string parameterName)
            {
                for (var i = 0; i < declaration.Arguments.Count; i++)
                {
                    if (Normalize(declaration.Arguments[i].Name) == Normalize(parameterName))
                    {
                        return i;
                    }
                }
                return -1;
            }
        }

        private sealed class PendingOption(string name, int slot)
        {
            public string Name { get; } = name;

            public int Slot { get; } = slot;

            public List<(OptionSource Option, OptionSyntax Syntax)> Declarations { get; } = [];

            public MethodParameter? Parameter { get; set; }
        }

        // Declarations use kebab-case or camelCase; C# parameters use camelCase.
        private static string Normalize(string name) => name.Replace("-", "").Replace("_", "").ToLowerInvariant();

        // The types a declaration may write, as "did you mean" proposes them.
        private static readonly string[] DomainNames = ["string", "text", "number", "integer", "posint", "natural", "boolean", "date", "user", "channel", "image"];

        private static string? KindOfDomain(string domain) => domain switch
        {
            "string" => "String",
            "text" => "Text",
            "number" => "Number",
            "integer" => "Integer",
            "posint" => "PositiveInteger",
            "natural" => "NaturalNumber",
            "boolean" => "Boolean",
            "date" => "Date",
            "user" => "User",
            "channel" => "Channel",
            "image" or "img" => "Image",
            _ => null,
        };

        private static bool Compatible(string kind, ValueConversion conversion) => kind switch
        {
            "String" or "Text" => conversion == ValueConversion.String,
            "Number" => conversion is ValueConversion.Double or ValueConversion.Single or ValueConversion.Decimal,
            "Integer" or "PositiveInteger" or "NaturalNumber" => conversion is ValueConversion.Int32 or ValueConversion.Int64 or ValueConversion.Double or ValueConversion.Single or ValueConversion.Decimal,
            "Boolean" => conversion == ValueConversion.Boolean,
            "Date" => conversion is ValueConversion.DateTimeOffset or ValueConversion.DateTime,
            "User" or "Channel" => conversion == ValueConversion.Int64,
            "Image" => conversion is ValueConversion.String or ValueConversion.Segment,
            "Custom" => conversion is ValueConversion.Enum or ValueConversion.Parsable or ValueConversion.TryParsable,
            _ => false,
        };

        // What Compatible accepts for a kind, as C# writes the types.
        private static string AcceptedTypes(string kind) => kind switch
        {
            "String" or "Text" => "string",
            "Number" => "double, float or decimal (or a nullable form of one)",
            "Integer" or "PositiveInteger" or "NaturalNumber" => "int, long, double, float or decimal (or a nullable form of one)",
            "Boolean" => "bool or bool?",
            "Date" => "DateTimeOffset or DateTime (or a nullable form of one)",
            "User" or "Channel" => "long or long?",
            "Image" => "string or Segment",
            _ => "no C# type",
        };

        // An option's Default, cast to the parameter's type.
        private static string ConstantLiteral(ConstantSource constant, string underlyingTypeName)
        {
            if (constant.Unreadable)
            {
                throw new System.InvalidOperationException("An array cannot be the Default of an option.");
            }
            return constant.IsNull ? "default" : "(" + underlyingTypeName + ")(" + constant.Literal + ")";
        }

        private static string FixedValueExpression(FixedValueSource value, string kind)
        {
            if (value.Unreadable)
            {
                throw new System.InvalidOperationException("The Value of an option must be a boolean, a number, a string or an enum member.");
            }
            return value.NeedsKind ? "new global::CqBot.Infrastructure.CommandValue(global::CqBot.Infrastructure.CommandValueKind." + kind + value.Expression : value.Expression;
        }
    }
}
