using System.Collections.Generic;
using System.Globalization;
using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CqBot.Generators;

public sealed partial class ActionGenerator
{
    /// <summary>Writes an action method's body and its request class: typed writes of each parameter, a typed reader per result type.</summary>
    internal static class Emitter
    {
        private static readonly string GeneratedCode = GeneratedSource.GeneratedCode;
        private const string Reader = "global::CqBot.Infrastructure.ApiResultReader";
        private const string ParameterWriter = "global::CqBot.Infrastructure.ApiParameterWriter";
        private const string JsonElement = "global::System.Text.Json.JsonElement";

        public static void Emit(SourceProductionContext production, ActionModel model) =>
            production.AddSource(GeneratedSource.HintName(model.ContainingType, model.MethodName), EmitSource(model));

        internal static string EmitSource(ActionModel model)
        {
            var writer = GeneratedSource.Header();
            GeneratedSource.OpenType(writer, model.ContainingType);
            EmitMethod(writer, model);
            writer.Line();
            EmitRequest(writer, model);
            GeneratedSource.CloseType(writer, model.ContainingType);
            return writer.ToString();
        }

        private static void EmitMethod(IndentedWriter writer, ActionModel model)
        {
            var parameters = new List<string> { "this global::CqBot.IBot " + model.BotParameterName };
            var arguments = new List<string>();
            string? mode = null;
            var cancellation = "default";
            foreach (var parameter in model.Parameters)
            {
                parameters.Add((parameter.IsParams ? "params " : "") + parameter.TypeName + " " + parameter.Name);
                switch (parameter.Role)
                {
                    case ActionParameterRole.CancellationToken:
                        cancellation = parameter.Name;
                        break;
                    case ActionParameterRole.Mode:
                        mode = parameter.Name;
                        break;
                    default:
                        arguments.Add(parameter.Name);
                        break;
                }
            }
            var request = "new " + model.RequestName + "(" + string.Join(", ", arguments) + ")" + (mode is null ? "" : " { Mode = " + mode + " }");
            var call = "global::CqBot.BotCallExtensions.CallAsync(" + model.BotParameterName + ", " + request + ", " + cancellation + ")";
            writer.Line(GeneratedCode);
            writer.Line(model.Accessibility + " static partial " + model.Return.TypeName + " " + model.MethodName + "(" + string.Join(", ", parameters) + ") =>");
            writer.Indent();
            writer.Line(call + (model.Return.IsValueTask ? ";" : ".AsTask();"));
            writer.Outdent();
        }

        private static void EmitRequest(IndentedWriter writer, ActionModel model)
        {
            var baseType = model.Return.ResultTypeName is { } result ? "global::CqBot.ApiRequest<" + result + ">" : "global::CqBot.ApiRequest";
            writer.Line("/// <summary>The request <see cref=\"" + model.MethodName + "\"/> makes: the <c>" + Escape(model.Action) + "</c> action with its parameters.</summary>");
            writer.Line(GeneratedCode);
            writer.Open(model.Accessibility + " sealed class " + model.RequestName + " : " + baseType);

            var values = new List<ActionParameterModel>();
            foreach (var parameter in model.Parameters)
            {
                if (parameter.Role == ActionParameterRole.Value)
                {
                    values.Add(parameter);
                }
            }
            EmitConstructor(writer, model, values);
            foreach (var parameter in values)
            {
                writer.Line();
                writer.Line("/// <summary>Sent as <c>" + Escape(parameter.JsonName) + "</c>" + (parameter.DefaultLiteral is null ? "" : ", unless left at its default") + ".</summary>");
                writer.Line("public " + parameter.TypeName + " " + parameter.PropertyName + " { get; }");
            }
            if (model.SendsMessage)
            {
                writer.Line();
                writer.Line("/// <inheritdoc />");
                writer.Line("public override bool SendsMessage => true;");
                if (TargetGroup(model, values) is { } target)
                {
                    writer.Line();
                    writer.Line("/// <inheritdoc />");
                    writer.Line("public override long? TargetGroupId => " + target + ";");
                }
            }
            writer.Line();
            EmitWriteParameters(writer, model, values);
            if (model.Return.Result is { } shape)
            {
                writer.Line();
                EmitReadResult(writer, model, shape);
                foreach (var type in model.ResultTypes)
                {
                    writer.Line();
                    EmitObjectReader(writer, type, model.Enums);
                }
            }
            foreach (var type in model.Enums)
            {
                if (model.Return.Result is not null && UsedInResult(model, type))
                {
                    writer.Line();
                    EmitEnumReader(writer, type);
                }
            }
            writer.Close();
        }

        private static void EmitConstructor(IndentedWriter writer, ActionModel model, List<ActionParameterModel> values)
        {
            var parameters = new List<string>();
            foreach (var parameter in values)
            {
                parameters.Add(parameter.TypeName + " " + parameter.Name + (parameter.DefaultLiteral is null ? "" : " = " + parameter.DefaultLiteral));
            }
            writer.Line("/// <summary>Creates the request; parameters left at their default are not sent.</summary>");
            writer.Line("public " + model.RequestName + "(" + string.Join(", ", parameters) + ")");
            writer.Indent();
            writer.Line(": base(" + SymbolDisplay.FormatLiteral(model.Action, quote: true) + ")");
            writer.Outdent();
            writer.Line("{");
            writer.Indent();
            foreach (var parameter in values)
            {
                if (IsReference(parameter.Shape!) && !parameter.Shape!.Nullable && parameter.DefaultLiteral is null)
                {
                    writer.Line("global::System.ArgumentNullException.ThrowIfNull(" + parameter.Name + ");");
                }
            }
            foreach (var parameter in values)
            {
                writer.Line(parameter.PropertyName + " = " + parameter.Name + ";");
            }
            writer.Outdent();
            writer.Line("}");
        }

        // The group a message goes to: its group_id, unless the action sends to a user or says message_type private.
        private static string? TargetGroup(ActionModel model, List<ActionParameterModel> values)
        {
            if (model.Action.StartsWith("send_private", System.StringComparison.Ordinal))
            {
                return null;
            }
            ActionParameterModel? group = null;
            ActionParameterModel? messageType = null;
            foreach (var parameter in values)
            {
                if (parameter.JsonName == "group_id" && parameter.Shape is { Kind: ValueKind.Int64 or ValueKind.Int32, Collection: CollectionKind.None })
                {
                    group = parameter;
                }
                else if (parameter.JsonName == "message_type" && parameter.Shape is { Collection: CollectionKind.None })
                {
                    messageType = parameter;
                }
            }
            if (group is null)
            {
                return null;
            }
            var value = group.Shape!.Kind == ValueKind.Int32 ? "(long?)" + group.PropertyName : group.PropertyName;
            if (messageType?.Shape is { Kind: ValueKind.String })
            {
                return messageType.PropertyName + " == \"private\" ? null : " + value;
            }
            if (messageType?.Shape is { Kind: ValueKind.Enum } enumShape && PrivateMember(model, enumShape) is { } member)
            {
                return messageType.PropertyName + " == " + enumShape.ElementTypeName + "." + member + " ? null : " + value;
            }
            return value;
        }

        private static string? PrivateMember(ActionModel model, ValueShape shape)
        {
            foreach (var type in model.Enums)
            {
                if (type.TypeName == shape.ElementTypeName)
                {
                    foreach (var member in type.Members)
                    {
                        if (member.JsonName == "private")
                        {
                            return member.Name;
                        }
                    }
                }
            }
            return null;
        }

        private static void EmitWriteParameters(IndentedWriter writer, ActionModel model, List<ActionParameterModel> values)
        {
            writer.Line("/// <inheritdoc />");
            writer.Open("public override void WriteParameters(global::System.Text.Json.Utf8JsonWriter writer)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
            writer.Line("writer.WriteStartObject();");
            for (var i = 0; i < values.Count; i++)
            {
                var parameter = values[i];
                var shape = parameter.Shape!;
                var local = "p" + i.ToString(CultureInfo.InvariantCulture);
                var defaultLiteral = parameter.DefaultLiteral is "null" ? null : parameter.DefaultLiteral;
                if (shape.Nullable || (IsReference(shape) && parameter.DefaultLiteral is not null))
                {
                    writer.Open("if (" + parameter.PropertyName + " is { } " + local + (defaultLiteral is null ? "" : " && " + local + " != " + defaultLiteral) + ")");
                    EmitWrite(writer, model, parameter, local);
                    writer.Close();
                }
                else if (shape.Kind == ValueKind.Json)
                {
                    writer.Open("if (" + parameter.PropertyName + ".ValueKind != global::System.Text.Json.JsonValueKind.Undefined)");
                    EmitWrite(writer, model, parameter, parameter.PropertyName);
                    writer.Close();
                }
                else if (defaultLiteral is not null)
                {
                    writer.Open("if (" + parameter.PropertyName + " != " + defaultLiteral + ")");
                    EmitWrite(writer, model, parameter, parameter.PropertyName);
                    writer.Close();
                }
                else
                {
                    EmitWrite(writer, model, parameter, parameter.PropertyName);
                }
            }
            writer.Line("writer.WriteEndObject();");
            writer.Close();
        }

        private static void EmitWrite(IndentedWriter writer, ActionModel model, ActionParameterModel parameter, string value)
        {
            var shape = parameter.Shape!;
            var name = Utf8(parameter.JsonName);
            if (shape.Collection != CollectionKind.None)
            {
                writer.Line("writer.WriteStartArray(" + name + ");");
                if (shape.Collection == CollectionKind.Array)
                {
                    writer.Open("foreach (var item in " + value + ")");
                }
                else
                {
                    writer.Open("for (var i = 0; i < " + value + ".Count; i++)");
                    writer.Line("var item = " + value + "[i];");
                }
                switch (shape.Kind)
                {
                    case ValueKind.Message:
                        writer.Line(ParameterWriter + ".WriteMessage(writer, item);");
                        break;
                    case ValueKind.String:
                        writer.Line("writer.WriteStringValue(item);");
                        break;
                    default:
                        writer.Line("writer.WriteNumberValue(item);");
                        break;
                }
                writer.Close();
                writer.Line("writer.WriteEndArray();");
                return;
            }
            switch (shape.Kind)
            {
                case ValueKind.Int64:
                case ValueKind.Int32:
                case ValueKind.Double:
                    writer.Line("writer.WriteNumber(" + name + ", " + value + ");");
                    break;
                case ValueKind.Boolean:
                    writer.Line("writer.WriteBoolean(" + name + ", " + value + ");");
                    break;
                case ValueKind.String:
                    writer.Line("writer.WriteString(" + name + ", " + value + ");");
                    break;
                case ValueKind.Enum:
                    writer.Line("writer.WriteString(" + name + ", " + value + " switch");
                    writer.Line("{");
                    writer.Indent();
                    foreach (var member in EnumOf(model, shape).Members)
                    {
                        writer.Line(shape.ElementTypeName + "." + member.Name + " => " + SymbolDisplay.FormatLiteral(member.JsonName, quote: true) + ",");
                    }
                    writer.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(" + parameter.PropertyName + "), " + value + ", \"Not a named value of the enum.\"),");
                    writer.Outdent();
                    writer.Line("});");
                    break;
                case ValueKind.Message:
                    writer.Line("writer.WritePropertyName(" + name + ");");
                    writer.Line(ParameterWriter + ".WriteMessage(writer, " + value + ");");
                    break;
                case ValueKind.Json:
                    writer.Line("writer.WritePropertyName(" + name + ");");
                    writer.Line(value + ".WriteTo(writer);");
                    break;
            }
        }

        private static void EmitReadResult(IndentedWriter writer, ActionModel model, ValueShape shape)
        {
            writer.Line("/// <inheritdoc />");
            var signature = "public override " + model.Return.ResultTypeName + " ReadResult(global::System.Text.Json.JsonElement? data) =>";
            writer.Line(signature);
            writer.Indent();
            if (shape.Kind == ValueKind.Json && shape.Collection == CollectionKind.None)
            {
                writer.Line(shape.Nullable ? "data;" : "data ?? default;");
            }
            else
            {
                var read = Reader + ".Root(data, Action, " + ItemReader(shape, shape.Collection != CollectionKind.None ? "" : null) + ")";
                writer.Line((shape.Nullable ? Reader + ".HasValue(data) ? " + read + " : null" : read) + ";");
            }
            writer.Outdent();
        }

        // A delegate that reads one value (a whole result, or an item of an array); collections wrap their items.
        private static string ItemReader(ValueShape shape, string? arrayField)
        {
            if (arrayField is not null)
            {
                return "static (items, act) => " + Reader + ".Array(items, act, " + SymbolDisplay.FormatLiteral(arrayField, quote: true) + ", " + ItemReader(shape with { Collection = CollectionKind.None }, null) + ")";
            }
            return "static (e, a) => " + ReadValue(shape with { Nullable = false }, "e", "a", "\"\"", forItem: true);
        }

        // Reads one non-collection value found in JSON; field is the C# literal of its name for error messages.
        private static string ReadValue(ValueShape shape, string element, string action, string field, bool forItem)
        {
            switch (shape.Kind)
            {
                case ValueKind.Int64: return Reader + ".Int64(" + element + ", " + action + ", " + field + ")";
                case ValueKind.Int32: return Reader + ".Int32(" + element + ", " + action + ", " + field + ")";
                case ValueKind.Boolean: return Reader + ".Boolean(" + element + ", " + action + ", " + field + ")";
                case ValueKind.Double: return Reader + ".Double(" + element + ", " + action + ", " + field + ")";
                case ValueKind.String: return Reader + ".String(" + element + ", " + action + ", " + field + ")";
                case ValueKind.Message: return Reader + ".Message(" + element + ", " + action + ", " + field + ")";
                case ValueKind.Json: return element;
                case ValueKind.Enum: return shape.Nullable ? shape.Helper + "(" + element + ")" : "(" + shape.Helper + "(" + element + ") ?? default)";
                default:
                    return forItem
                        ? shape.Helper + "(" + element + ", " + action + ")"
                        : Reader + ".Nested(" + element + ", " + action + ", " + field + ", static (e, a) => " + shape.Helper + "(e, a))";
            }
        }

        private static void EmitObjectReader(IndentedWriter writer, ResultTypeModel type, EquatableArray<EnumTypeModel> enums)
        {
            writer.Open("private static " + type.TypeName + " " + type.ReaderName + "(" + JsonElement + " element, string action)");
            writer.Line(Reader + ".ExpectObject(element, action);");
            writer.Line("return new " + type.TypeName);
            writer.Line("{");
            writer.Indent();
            for (var i = 0; i < type.Properties.Count; i++)
            {
                var property = type.Properties[i];
                var shape = property.Shape;
                var local = "v" + i.ToString(CultureInfo.InvariantCulture);
                var field = SymbolDisplay.FormatLiteral(property.JsonName, quote: true);
                var read = shape.Collection != CollectionKind.None
                    ? Reader + ".Array(" + local + ", action, " + field + ", " + ItemReader(shape with { Collection = CollectionKind.None }, null) + ")"
                    : ReadValue(shape, local, "action", field, forItem: false);
                writer.Line(property.Name + " = " + Reader + ".TryGet(element, " + Utf8(property.JsonName) + ", out var " + local + ") ? " + read + " : " + Missing(property, field) + ",");
            }
            writer.Outdent();
            writer.Line("};");
            writer.Close();
        }

        // What a field that is absent or null becomes: required (or an object that cannot be null) fails, the rest are empty.
        private static string Missing(ResultPropertyModel property, string field)
        {
            var shape = property.Shape;
            if (property.Required || (shape.Kind == ValueKind.Object && shape.Collection == CollectionKind.None && !shape.Nullable))
            {
                return "throw " + Reader + ".Missing(action, " + field + ")";
            }
            if (shape.Nullable)
            {
                return "null";
            }
            if (shape.Collection != CollectionKind.None)
            {
                return "[]";
            }
            return shape.Kind switch
            {
                ValueKind.String => "\"\"",
                ValueKind.Message => "global::CqBot.Message.Empty",
                _ => "default",
            };
        }

        private static void EmitEnumReader(IndentedWriter writer, EnumTypeModel type)
        {
            writer.Open("private static " + type.TypeName + "? " + type.HelperName + "(" + JsonElement + " value)");
            writer.Open("if (value.ValueKind != global::System.Text.Json.JsonValueKind.String)");
            writer.Line("return null;");
            writer.Close();
            foreach (var member in type.Members)
            {
                writer.Open("if (value.ValueEquals(" + Utf8(member.JsonName) + "))");
                writer.Line("return " + type.TypeName + "." + member.Name + ";");
                writer.Close();
            }
            writer.Line("return null;");
            writer.Close();
        }

        private static bool UsedInResult(ActionModel model, EnumTypeModel type)
        {
            if (model.Return.Result is { Kind: ValueKind.Enum } root && root.ElementTypeName == type.TypeName)
            {
                return true;
            }
            foreach (var result in model.ResultTypes)
            {
                foreach (var property in result.Properties)
                {
                    if (property.Shape.Kind == ValueKind.Enum && property.Shape.ElementTypeName == type.TypeName)
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        private static EnumTypeModel EnumOf(ActionModel model, ValueShape shape)
        {
            foreach (var type in model.Enums)
            {
                if (type.TypeName == shape.ElementTypeName)
                {
                    return type;
                }
            }
            throw new System.InvalidOperationException("The enum " + shape.ElementTypeName + " has no model.");
        }

        private static bool IsReference(ValueShape shape) =>
            shape.Collection != CollectionKind.None || shape.Kind is ValueKind.String or ValueKind.Message or ValueKind.Object;

        private static string Utf8(string text) => SymbolDisplay.FormatLiteral(text, quote: true) + "u8";

        private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
