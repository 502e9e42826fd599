using System.ComponentModel;
using CqBot.Commands;

namespace CqBot.Infrastructure;

/// <summary>
/// Parses a command line with Koishi's rules, tightened where Koishi surprises its users: required
/// arguments are enforced, extra arguments and unknown options are errors (an unknown option never
/// swallows the next token), <c>--</c> ends the options, <c>--flag=false</c> is false, a valued option
/// given without its value is an error, a quote that is never closed is reported, and a <c>text</c>
/// value that is one quoted string loses its quotes. It reads the line in place: only the values of
/// string-like arguments are copied. Called by generated command handlers; bot authors receive the
/// parsed values as their method's parameters instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class CommandParser
{
    /// <summary>Parses the arguments and options of one invocation against its command's signature.</summary>
    public static ParsedCommand Parse(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Progress = Diagnostics.CommandProgress.Parsed;
        return Parse(context.Command.Signature, context.Source, context.ArgumentsStart);
    }

    /// <summary>Parses <paramref name="source"/> from <paramref name="start"/>; stops at an unquoted <paramref name="terminator"/>.</summary>
    public static ParsedCommand Parse(CommandSignature signature, string source, int start = 0, char terminator = '\0')
    {
        var result = ParsedCommand.Rent(signature.OptionNames.Count);
        if (terminator == '\0' && signature.AllowsPlainParse)
        {
            if (TryParsePlain(signature, source, start, result))
            {
                return result;
            }
            result.Reset();
        }
        ParseGeneral(signature, source, start, terminator, result);
        return result;
    }

    // Every line the parser is given can be parsed here; Parse tries a faster path first. Tests compare the two.
    internal static ParsedCommand ParseGeneral(CommandSignature signature, string source, int start = 0, char terminator = '\0')
    {
        var result = ParsedCommand.Rent(signature.OptionNames.Count);
        ParseGeneral(signature, source, start, terminator, result);
        return result;
    }

    private static void ParseGeneral(CommandSignature signature, string source, int start, char terminator, ParsedCommand result)
    {
        var state = new State(signature, source, start, terminator, result);
        state.Run();
        result.Stop = state.Stop;
        if (!result.Failed && signature.CheckArgumentCount && !result.HelpRequested)
        {
            var arguments = signature.ArgumentArray;
            for (var i = result.ArgumentCount; i < arguments.Length; i++)
            {
                if (arguments[i].Required && !arguments[i].Variadic)
                {
                    result.Error = new CommandParseError(CommandParseErrorKind.MissingArgument, arguments[i].Name);
                    break;
                }
            }
        }
    }

    private ref struct State(CommandSignature signature, string source, int start, char terminator, ParsedCommand result)
    {
        private CommandTokenizer _reader = new(source, start, terminator);
        private bool _endOfOptions;
        private bool _restConsumed;

        public readonly int Stop => _reader.Stop;

        public void Run()
        {
            while (!result.Failed && _reader.TryRead(out var token))
            {
                var slot = CurrentSlot();
                var content = token.Content(source);
                var dashed = !token.Quoted && content.Length > 1 && content[0] == '-';

                if (slot is { Greedy: true } && (!dashed || _endOfOptions || (signature.StrictOptions && !IsDeclaredOptionToken(content))))
                {
                    AddArgument(slot, Rest(token));
                    return;
                }
                if (!token.Quoted && !_endOfOptions && signature.HasSymbol(content))
                {
                    ApplyOption(signature.FindOption(content), null, canTakeNext: true);
                    continue;
                }
                if (!token.Quoted && !_endOfOptions && content.SequenceEqual("--"))
                {
                    _endOfOptions = true;
                    continue;
                }
                var positional = !dashed || _endOfOptions
                    || (slot is not null && CommandSignature.IsNumeric(slot.Kind) && CommandValueParsers.TryParseNumber(content, out _))
                    || (signature.StrictOptions && !IsDeclaredOptionToken(content));
                if (positional)
                {
                    if (slot is not null)
                    {
                        AddArgument(slot, (token.ContentStart, token.ContentLength));
                    }
                    else if (signature.CheckArgumentCount)
                    {
                        result.Error = new CommandParseError(CommandParseErrorKind.TooManyArguments, content.ToString());
                    }
                    else
                    {
                        result.AddArgument(new CommandValue(CommandValueKind.String, CommandValueParsers.UnescapeCqText(content.ToString())));
                    }
                    continue;
                }
                ParseOptionToken(token);
            }
            if (!result.Failed && _reader.UnclosedQuote >= 0 && !_restConsumed)
            {
                var slot = CurrentSlot();
                var rest = (_reader.UnclosedQuote, source.AsSpan(_reader.UnclosedQuote).TrimEnd().Length);
                if (slot is { Greedy: true })
                {
                    AddArgument(slot, rest);
                }
                else
                {
                    result.Error = new CommandParseError(CommandParseErrorKind.UnclosedQuote, source.Substring(rest.Item1, rest.Item2));
                }
            }
        }

        private readonly ArgumentDeclaration? CurrentSlot()
        {
            var arguments = signature.ArgumentArray;
            var count = result.ArgumentCount;
            if (count < arguments.Length)
            {
                return arguments[count];
            }
            return arguments.Length > 0 && arguments[^1].Variadic ? arguments[^1] : null;
        }

        private readonly bool IsDeclaredOptionToken(ReadOnlySpan<char> content)
        {
            var equals = content.IndexOf('=');
            var name = equals < 0 ? content : content[..equals];
            return signature.FindOption(name) >= 0 || name.SequenceEqual("-h") || name.SequenceEqual("--help");
        }

        // The rest of the input from `token`, spacing kept; one fully quoted string loses its quotes.
        // Reads the line to its end, so nothing after it is parsed.
        private (int Start, int Length) Rest(CommandToken token)
        {
            var hasMore = _reader.TryRead(out _);
            while (_reader.TryRead(out _))
            {
            }
            _restConsumed = true;
            if (token.Quoted && !hasMore && _reader.UnclosedQuote < 0)
            {
                return (token.ContentStart, token.ContentLength);
            }
            var end = _reader.UnclosedQuote >= 0 ? source.Length : _reader.Stop;
            return (token.Start, source.AsSpan(token.Start, end - token.Start).TrimEnd().Length);
        }

        private readonly void AddArgument(ArgumentDeclaration slot, (int Start, int Length) text)
        {
            if (!CommandValueParsers.TryConvert(slot.Kind, source, text.Start, text.Length, slot.Validator, out var value))
            {
                result.Error = new CommandParseError(CommandParseErrorKind.InvalidArgument, slot.Name, slot.Kind, slot.Choices);
                return;
            }
            result.AddArgument(value);
        }

        private void ParseOptionToken(CommandToken token)
        {
            var content = token.Content(source);
            var dashes = content.StartsWith("--", StringComparison.Ordinal) ? 2 : 1;
            var body = content[dashes..];
            var equals = body.IndexOf('=');
            var name = equals < 0 ? body : body[..equals];
            (int Start, int Length)? explicitValue = equals < 0 ? null : (token.ContentStart + dashes + equals + 1, body.Length - equals - 1);
            if (dashes == 2)
            {
                var index = signature.FindOption(content[..(dashes + name.Length)]);
                if (index < 0 && name.StartsWith("no-", StringComparison.Ordinal) && FindLong(name[3..]) is var negated and >= 0
                    && signature.OptionArray[negated] is { TakesValue: false, FixedValue: null })
                {
                    result.SetOption(signature.OptionSlots[negated], CommandValue.FromBoolean(false));
                    return;
                }
                if (index < 0)
                {
                    if (name.SequenceEqual("help"))
                    {
                        result.HelpRequested = true;
                        return;
                    }
                    Unknown(name, explicitValue, canTakeNext: true);
                    return;
                }
                ApplyOption(index, explicitValue, canTakeNext: true);
                return;
            }
            for (var i = 0; i < name.Length && !result.Failed; i++)
            {
                var index = signature.FindShortOption(name[i]);
                var last = i == name.Length - 1;
                if (index < 0)
                {
                    if (name[i] == 'h')
                    {
                        result.HelpRequested = true;
                        continue;
                    }
                    Unknown(name.Slice(i, 1), last ? explicitValue : null, canTakeNext: last);
                    continue;
                }
                ApplyOption(index, last ? explicitValue : null, canTakeNext: last);
            }
        }

        private readonly int FindLong(ReadOnlySpan<char> name)
        {
            Span<char> buffer = name.Length <= 62 ? stackalloc char[name.Length + 2] : new char[name.Length + 2];
            buffer[0] = '-';
            buffer[1] = '-';
            name.CopyTo(buffer[2..]);
            return signature.FindOption(buffer);
        }

        private void Unknown(ReadOnlySpan<char> name, (int Start, int Length)? explicitValue, bool canTakeNext)
        {
            if (!signature.AllowUnknownOptions)
            {
                result.Error = new CommandParseError(CommandParseErrorKind.UnknownOption, name.ToString());
                return;
            }
            var value = explicitValue is { } given ? source.Substring(given.Start, given.Length) : null;
            if (value is null && canTakeNext)
            {
                var position = _reader.Position;
                // Unlike Koishi, an unknown option never swallows a dash token: `--foo --bar` is two options.
                if (_reader.TryRead(out var next) && (next.Quoted || !next.Content(source).StartsWith('-')))
                {
                    value = next.Content(source).ToString();
                }
                else
                {
                    _reader.Reset(position);
                }
            }
            (result.UnknownOptions ??= new Dictionary<string, string>(StringComparer.Ordinal))[CommandSignature.ToCamelCase(name.ToString())] = value ?? "";
        }

        private void ApplyOption(int index, (int Start, int Length)? explicitValue, bool canTakeNext)
        {
            var option = signature.OptionArray[index];
            var slot = signature.OptionSlots[index];
            if (option.HasFixedValue)
            {
                result.SetOption(slot, option.FixedValueOrDefault);
                return;
            }
            if (!option.TakesValue)
            {
                if (explicitValue is not { } given)
                {
                    result.SetOption(slot, CommandValue.FromBoolean(true));
                }
                else if (CommandValueParsers.TryParseBoolean(source.AsSpan(given.Start, given.Length), out var flag))
                {
                    result.SetOption(slot, CommandValue.FromBoolean(flag));
                }
                else
                {
                    result.Error = new CommandParseError(CommandParseErrorKind.InvalidOption, option.Name, CommandValueKind.Boolean);
                }
                return;
            }
            var raw = explicitValue;
            if (raw is null && canTakeNext)
            {
                var position = _reader.Position;
                if (_reader.TryRead(out var next))
                {
                    if (option.Greedy)
                    {
                        raw = Rest(next);
                    }
                    else
                    {
                        raw = !next.Quoted && next.Content(source).SequenceEqual("-") ? (next.Start, 0) : (next.ContentStart, next.ContentLength);
                    }
                }
                else if (option.Greedy && _reader.UnclosedQuote >= 0)
                {
                    raw = (_reader.UnclosedQuote, source.AsSpan(_reader.UnclosedQuote).TrimEnd().Length);
                    _restConsumed = true;
                }
                else
                {
                    _reader.Reset(position);
                }
            }
            if (raw is not { } value)
            {
                if (option.ValueRequired)
                {
                    result.Error = new CommandParseError(CommandParseErrorKind.MissingOptionValue, option.Name, option.Kind);
                    return;
                }
                result.SetOption(slot, new CommandValue(option.Kind, ""));
                return;
            }
            if (!CommandValueParsers.TryConvert(option.Kind, source, value.Start, value.Length, option.Validator, out var converted))
            {
                result.Error = new CommandParseError(CommandParseErrorKind.InvalidOption, option.Name, option.Kind, option.Choices);
                return;
            }
            result.SetOption(slot, converted);
        }
    }
}
