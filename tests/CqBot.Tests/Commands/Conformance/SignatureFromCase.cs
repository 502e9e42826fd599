using System.Text.Json;
using System.Text.RegularExpressions;
using CqBot.Generators.Declarations;
using CqBot.Infrastructure;

namespace CqBot.Tests.Commands.Conformance;

/// <summary>Builds the runtime signature that the generator would emit for a case's declaration and options.</summary>
internal static class SignatureFromCase
{
    public static CommandValueKind? KindOf(string? type) => type switch
    {
        null or "string" => CommandValueKind.String,
        "text" => CommandValueKind.Text,
        "number" => CommandValueKind.Number,
        "integer" => CommandValueKind.Integer,
        "posint" => CommandValueKind.PositiveInteger,
        "natural" => CommandValueKind.NaturalNumber,
        "boolean" => CommandValueKind.Boolean,
        "date" => CommandValueKind.Date,
        "user" => CommandValueKind.User,
        "channel" => CommandValueKind.Channel,
        "image" or "img" => CommandValueKind.Image,
        _ => null,
    };

    public static CommandSignature Build(KoishiCase @case) => Build(@case.Json);

    public static CommandSignature Build(JsonElement json)
    {
        var declaration = CommandDeclaration.TryParse(json.GetProperty("declaration").GetString()!.TrimStart('.'), out var error)
            ?? throw new InvalidOperationException(error);
        var arguments = declaration.Arguments
            .Select(a => new ArgumentDeclaration(a.Name, KindOf(a.Type) ?? throw new UnknownTypeException(a.Name, a.Type!), a.Required, a.Variadic))
            .ToArray();

        var options = new List<OptionDeclaration>();
        var optionList = json.TryGetProperty("options", out var declaredOptions) ? declaredOptions.EnumerateArray().ToList() : [];
        foreach (var option in optionList)
        {
            var name = option.GetProperty("name").GetString()!;
            var syntax = OptionSyntax.TryParse(option.GetProperty("syntax").GetString()!, out var syntaxError)
                ?? throw new InvalidOperationException(syntaxError);
            var kind = syntax.TakesValue ? KindOf(syntax.Type) ?? CommandValueKind.Custom : CommandValueKind.Boolean;
            if (syntax.TakesValue && syntax.Type is null && option.GetProperty("default").ValueKind == JsonValueKind.Number)
            {
                kind = CommandValueKind.Number; // Koishi infers the type from the fallback.
            }
            Func<string, bool>? validator = null;
            if (option.TryGetProperty("type", out var type))
            {
                (kind, validator) = CustomType(type);
            }
            var aliases = syntax.Aliases.ToArray();
            if (option.TryGetProperty("value", out var fixedValue))
            {
                // A variant's value keeps its own JSON type, as the parameter's type would in C#.
                var variantKind = KindOfValue(fixedValue);
                options.Add(new OptionDeclaration(name, aliases, variantKind, takesValue: false)
                {
                    FixedValue = ValueOf(fixedValue, variantKind),
                    Description = option.TryGetProperty("description", out var vd) ? vd.GetString() : null,
                });
                continue;
            }
            options.Add(new OptionDeclaration(name, aliases, kind, syntax.TakesValue, syntax.ValueRequired, syntax.ValueName)
            {
                Validator = validator,
                Description = option.TryGetProperty("description", out var d) ? d.GetString() : null,
                Hidden = option.TryGetProperty("hidden", out var h) && h.GetBoolean(),
            });
        }
        // The case runs with Koishi's configuration; its defaults are checkArgCount and checkUnknown off.
        return new CommandSignature(arguments, [.. options], Config(json, "strictOptions"))
        {
            CheckArgumentCount = Config(json, "checkArgCount"),
            AllowUnknownOptions = !Config(json, "checkUnknown"),
        };
    }

    private static bool Config(JsonElement json, string name) =>
        json.TryGetProperty("config", out var config) && config.TryGetProperty(name, out var value) && value.GetBoolean();

    /// <summary>A declaration names a type CqBot does not know: the generator rejects it at compile time (CQB2002).</summary>
    public sealed class UnknownTypeException(string argument, string type) : Exception($"Argument '{argument}' has the unknown type '{type}'.");

    private static (CommandValueKind, Func<string, bool>?) CustomType(JsonElement type)
    {
        if (type.ValueKind == JsonValueKind.String)
        {
            return (KindOf(type.GetString()) ?? CommandValueKind.Custom, null);
        }
        if (type.TryGetProperty("enum", out var values))
        {
            var allowed = values.EnumerateArray().Select(v => v.GetString()!).ToHashSet();
            return (CommandValueKind.Custom, allowed.Contains);
        }
        if (type.TryGetProperty("regex", out var regex))
        {
            var pattern = new Regex(regex.GetString()!);
            return (CommandValueKind.Custom, pattern.IsMatch);
        }
        return (CommandValueKind.Custom, _ => false);
    }

    private static CommandValueKind KindOfValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => CommandValueKind.Boolean,
        JsonValueKind.Number => CommandValueKind.Number,
        _ => CommandValueKind.String,
    };

    private static CommandValue ValueOf(JsonElement value, CommandValueKind kind) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => CommandValue.FromBoolean(value.GetBoolean()),
        JsonValueKind.Number => new CommandValue(kind, value.GetRawText(), (long)value.GetDouble(), value.GetDouble()),
        _ => new CommandValue(kind, value.GetString()!),
    };
}
