using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Analyzers;

/// <summary>
/// <c>[OnNotice("group_increse")]</c> would never run: the type and sub-type of an event handler are
/// checked against OneBot v11 and the extensions implementations commonly send, with the nearest name
/// suggested. A warning, not an error: an implementation may send a type of its own.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandlerEventNameAnalyzer : DiagnosticAnalyzer
{
    private static readonly (string Attribute, string Kind, string[] Types)[] s_types =
    [
        ("CqBot.OnMessageAttribute", "message", ["private", "group"]),
        ("CqBot.OnNoticeAttribute", "notice",
        [
            "group_upload", "group_admin", "group_decrease", "group_increase", "group_ban", "friend_add", "group_recall",
            "friend_recall", "notify", "group_card", "essence", "offline_file", "client_status", "group_msg_emoji_like",
        ]),
        ("CqBot.OnRequestAttribute", "request", ["friend", "group"]),
        ("CqBot.OnMetaEventAttribute", "meta event", ["lifecycle", "heartbeat"]),
    ];

    private static readonly string[] s_subTypes =
    [
        "friend", "group", "other", "normal", "anonymous", "notice", "group_self", "approve", "invite", "leave", "kick", "kick_me",
        "set", "unset", "ban", "lift_ban", "add", "poke", "lucky_king", "honor", "title", "enable", "disable", "connect",
    ];

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnknownEventName);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(Analyze, SymbolKind.Method);
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        var method = (IMethodSymbol)context.Symbol;
        foreach (var attribute in method.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            foreach (var (attributeName, kind, types) in s_types)
            {
                if (name != attributeName)
                {
                    continue;
                }
                var arguments = attribute.ConstructorArguments;
                if (arguments.Length > 0 && arguments[0].Kind != TypedConstantKind.Array && arguments[0].Value is string type && Array.IndexOf(types, type) < 0)
                {
                    Report(context, attribute, 0, type, kind + " type", types);
                }
                if (arguments.Length > 1 && arguments[1].Kind != TypedConstantKind.Array && arguments[1].Value is string subType && Array.IndexOf(s_subTypes, subType) < 0)
                {
                    Report(context, attribute, 1, subType, kind + " sub-type", s_subTypes);
                }
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, AttributeData attribute, int index, string value, string what, string[] known)
    {
        var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is AttributeSyntax { ArgumentList: { } list } && list.Arguments.Count > index
            ? list.Arguments[index].GetLocation()
            : Location.None;
        var nearest = NearestName.Find(value, known);
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnknownEventName, location, NearestName.Properties(nearest), value, what, nearest is null ? "" : $" Did you mean '{nearest}'?"));
    }
}
