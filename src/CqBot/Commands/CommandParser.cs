using CqBot.Commands;

namespace CqBot;

/// <summary>
/// Parses a command line with Koishi's rules, tightened where Koishi surprises its users: required
/// arguments are enforced, extra arguments and unknown options are errors (an unknown option never
/// swallows the next token), <c>--</c> ends the options, <c>--flag=false</c> is false, a valued option
/// given without its value is an error, a quote that is never closed is reported, and a <c>text</c>
/// value that is one quoted string loses its quotes.
/// </summary>
public static class CommandParser
{
    /// <summary>Parses <paramref name="source"/> from <paramref name="start"/>; stops at an unquoted <paramref name="terminator"/>.</summary>
    public static ParsedCommand Parse(CommandSignature signature, string source, int start = 0, char terminator = '\0')
    {
        var state = new State(signature, source, start, terminator);
        state.Run();
        if (state.Result.Error is null && signature.CheckArgumentCount && !state.Result.HelpRequested)
        {
            var arguments = signature.Arguments;
            for (var i = state.Result.Arguments.Count; i < arguments.Count; i++)
            {
                if (arguments[i].Required && !arguments[i].Variadic)
                {
                    state.Result.Error = new CommandParseError(CommandParseErrorKind.MissingArgument, arguments[i].Name);
                    break;
                }
            }
        }
        return state.Result;
    }

    private ref struct State
    {
        private readonly CommandSignature _signature;
        private readonly string _source;
        private readonly List<CommandToken> _tokens;
        private readonly int _unclosedQuote;
        private readonly int _restEnd;
        private bool _endOfOptions;
        private bool _restConsumed;
        private int _index;

        public State(CommandSignature signature, string source, int start, char terminator)
        {
            _signature = signature;
            _source = source;
            (_tokens, var stop, _unclosedQuote) = CommandTokenizer.Tokenize(source, start, terminator);
            _restEnd = _unclosedQuote >= 0 ? source.Length : stop;
            Result = new ParsedCommand(signature.OptionNames.Count) { Stop = _restEnd };
        }

        public ParsedCommand Result { get; }

        public void Run()
        {
            for (_index = 0; _index < _tokens.Count && Result.Error is null; _index++)
            {
                var token = _tokens[_index];
                var slot = CurrentSlot();
                var content = token.Content;
                var dashed = !token.Quoted && content.Length > 1 && content[0] == '-';

                if (slot is { Greedy: true } && (!dashed || _endOfOptions || (_signature.StrictOptions && !IsDeclaredOptionToken(content))))
                {
                    AddArgument(slot, GreedyText(_index));
                    return;
                }
                if (!token.Quoted && !_endOfOptions && _signature.HasSymbol(content))
                {
                    ApplyOption(_signature.FindOption(content), content, null, canTakeNext: true);
                    continue;
                }
                if (!token.Quoted && !_endOfOptions && content == "--")
                {
                    _endOfOptions = true;
                    continue;
                }
                var positional = !dashed || _endOfOptions
                    || (slot is not null && CommandSignature.IsNumeric(slot.Kind) && CommandValueParsers.TryParseNumber(content, out _))
                    || (_signature.StrictOptions && !IsDeclaredOptionToken(content));
                if (positional)
                {
                    if (slot is null)
                    {
                        if (_signature.CheckArgumentCount)
                        {
                            Result.Error = new CommandParseError(CommandParseErrorKind.TooManyArguments, content);
                            return;
                        }
                        Result.Arguments.Add(new CommandValue(CommandValueKind.String, CommandValueParsers.UnescapeCqText(content)));
                        continue;
                    }
                    AddArgument(slot, content);
                    continue;
                }
                ParseOptionToken(content);
            }
            if (Result.Error is null && _unclosedQuote >= 0 && !_restConsumed)
            {
                var slot = CurrentSlot();
                if (slot is { Greedy: true })
                {
                    AddArgument(slot, _source[_unclosedQuote.._restEnd].TrimEnd());
                }
                else
                {
                    Result.Error = new CommandParseError(CommandParseErrorKind.UnclosedQuote, _source[_unclosedQuote.._restEnd].TrimEnd());
                }
            }
        }

        private readonly ArgumentDeclaration? CurrentSlot()
        {
            var arguments = _signature.Arguments;
            var count = Result.Arguments.Count;
            if (count < arguments.Count)
            {
                return arguments[count];
            }
            return arguments.Count > 0 && arguments[^1].Variadic ? arguments[^1] : null;
        }

        private readonly bool IsDeclaredOptionToken(string content)
        {
            var equals = content.IndexOf('=');
            var name = equals < 0 ? content : content[..equals];
            return _signature.FindOption(name) >= 0 || name is "-h" or "--help";
        }

        // The rest of the input from token `from`, spacing kept; one fully quoted string loses its quotes.
        private string GreedyText(int from)
        {
            _restConsumed = true;
            var token = _tokens[from];
            if (token.Quoted && from == _tokens.Count - 1 && _unclosedQuote < 0)
            {
                return token.Content;
            }
            return _source[token.Start.._restEnd].TrimEnd();
        }

        private void AddArgument(ArgumentDeclaration slot, string text)
        {
            if (!CommandValueParsers.TryConvert(slot.Kind, text, slot.Validator, out var value))
            {
                Result.Error = new CommandParseError(CommandParseErrorKind.InvalidArgument, slot.Name, slot.Kind);
                return;
            }
            Result.Arguments.Add(value);
        }

        private void ParseOptionToken(string content)
        {
            var dashes = content.StartsWith("--", StringComparison.Ordinal) ? 2 : 1;
            var body = content[dashes..];
            var equals = body.IndexOf('=');
            var name = equals < 0 ? body : body[..equals];
            var explicitValue = equals < 0 ? null : body[(equals + 1)..];
            if (dashes == 2)
            {
                var index = _signature.FindOption("--" + name);
                if (index < 0 && name.StartsWith("no-", StringComparison.Ordinal)
                    && _signature.FindOption("--" + name[3..]) is var negated and >= 0
                    && _signature.Options[negated] is { TakesValue: false, FixedValue: null })
                {
                    Result.Options[_signature.OptionSlots[negated]] = CommandValue.FromBoolean(false);
                    return;
                }
                if (index < 0)
                {
                    if (name == "help")
                    {
                        Result.HelpRequested = true;
                        return;
                    }
                    Unknown(name, explicitValue, canTakeNext: true);
                    return;
                }
                ApplyOption(index, name, explicitValue, canTakeNext: true);
                return;
            }
            for (var i = 0; i < name.Length && Result.Error is null; i++)
            {
                var flag = name[i].ToString();
                var index = _signature.FindOption("-" + flag);
                var last = i == name.Length - 1;
                if (index < 0)
                {
                    if (flag == "h")
                    {
                        Result.HelpRequested = true;
                        continue;
                    }
                    Unknown(flag, last ? explicitValue : null, canTakeNext: last);
                    continue;
                }
                ApplyOption(index, flag, last ? explicitValue : null, canTakeNext: last);
            }
        }

        private void Unknown(string name, string? explicitValue, bool canTakeNext)
        {
            if (!_signature.AllowUnknownOptions)
            {
                Result.Error = new CommandParseError(CommandParseErrorKind.UnknownOption, name);
                return;
            }
            var value = explicitValue;
            if (value is null && canTakeNext && _index + 1 < _tokens.Count)
            {
                var next = _tokens[_index + 1];
                // Unlike Koishi, an unknown option never swallows a dash token: `--foo --bar` is two options.
                if (next.Quoted || !next.Content.StartsWith('-'))
                {
                    _index++;
                    value = next.Content;
                }
            }
            (Result.UnknownOptions ??= new Dictionary<string, string>(StringComparer.Ordinal))[CommandSignature.ToCamelCase(name)] = value ?? "";
        }

        private void ApplyOption(int index, string spelled, string? explicitValue, bool canTakeNext)
        {
            var option = _signature.Options[index];
            var slot = _signature.OptionSlots[index];
            if (option.FixedValue is { } fixedValue)
            {
                Result.Options[slot] = fixedValue;
                return;
            }
            if (!option.TakesValue)
            {
                if (explicitValue is null)
                {
                    Result.Options[slot] = CommandValue.FromBoolean(true);
                }
                else if (CommandValueParsers.TryParseBoolean(explicitValue, out var flag))
                {
                    Result.Options[slot] = CommandValue.FromBoolean(flag);
                }
                else
                {
                    Result.Error = new CommandParseError(CommandParseErrorKind.InvalidOption, option.Name, CommandValueKind.Boolean);
                }
                return;
            }
            var raw = explicitValue;
            if (raw is null && canTakeNext && _index + 1 < _tokens.Count)
            {
                _index++;
                var next = _tokens[_index];
                if (option.Greedy)
                {
                    raw = GreedyText(_index);
                    _index = _tokens.Count;
                }
                else
                {
                    raw = !next.Quoted && next.Content == "-" ? "" : next.Content;
                }
            }
            if (raw is null && option.Greedy && _unclosedQuote >= 0 && !_restConsumed && canTakeNext)
            {
                _restConsumed = true;
                raw = _source[_unclosedQuote.._restEnd].TrimEnd();
            }
            if (raw is null)
            {
                if (option.ValueRequired)
                {
                    Result.Error = new CommandParseError(CommandParseErrorKind.MissingOptionValue, option.Name, option.Kind);
                    return;
                }
                Result.Options[slot] = new CommandValue(option.Kind, "");
                return;
            }
            if (!CommandValueParsers.TryConvert(option.Kind, raw, option.Validator, out var value))
            {
                Result.Error = new CommandParseError(CommandParseErrorKind.InvalidOption, option.Name, option.Kind);
                return;
            }
            Result.Options[slot] = value;
        }
    }
}
