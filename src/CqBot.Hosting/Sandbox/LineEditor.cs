using System.Text;

namespace CqBot.Hosting.Sandbox;

/// <summary>
/// A small line editor on <see cref="Console"/> for the sandbox: cursor keys, Home/End, Backspace/Delete,
/// Ctrl+A/E/U/K/W, Up/Down through the lines entered before, Ctrl+D on an empty line (or Ctrl+C) to end.
/// Text shown while a line is being edited (a message the bot sends on its own) is written above it.
/// </summary>
internal sealed class LineEditor
{
    private readonly List<string> _history = [];
    private readonly Lock _gate = new();
    private readonly StringBuilder _line = new();
    private string _prompt = "";
    private int _cursor;
    private bool _editing;

    /// <summary>Reads a line; null at the end of input.</summary>
    public string? ReadLine(string prompt)
    {
        lock (_gate)
        {
            _prompt = prompt;
            _line.Clear();
            _cursor = 0;
            _editing = true;
            Redraw();
        }
        var treatControlC = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            var historyIndex = _history.Count;
            var draft = "";
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                lock (_gate)
                {
                    var control = (key.Modifiers & ConsoleModifiers.Control) != 0;
                    switch (key.Key)
                    {
                        case ConsoleKey.Enter:
                            _editing = false;
                            Console.Out.Write("\r\n");
                            var line = _line.ToString();
                            if (line.Length > 0 && (_history.Count == 0 || _history[^1] != line))
                            {
                                _history.Add(line);
                            }
                            return line;
                        case ConsoleKey.D when control:
                        case ConsoleKey.C when control:
                            if (_line.Length == 0 || key.Key == ConsoleKey.C)
                            {
                                _editing = false;
                                Console.Out.Write("\r\n");
                                return null;
                            }
                            if (_cursor < _line.Length)
                            {
                                _line.Remove(_cursor, 1);
                            }
                            break;
                        case ConsoleKey.Backspace:
                            if (_cursor > 0)
                            {
                                _line.Remove(--_cursor, 1);
                            }
                            break;
                        case ConsoleKey.Delete:
                            if (_cursor < _line.Length)
                            {
                                _line.Remove(_cursor, 1);
                            }
                            break;
                        case ConsoleKey.LeftArrow:
                        case ConsoleKey.B when control:
                            _cursor = Math.Max(0, _cursor - 1);
                            break;
                        case ConsoleKey.RightArrow:
                        case ConsoleKey.F when control:
                            _cursor = Math.Min(_line.Length, _cursor + 1);
                            break;
                        case ConsoleKey.Home:
                        case ConsoleKey.A when control:
                            _cursor = 0;
                            break;
                        case ConsoleKey.End:
                        case ConsoleKey.E when control:
                            _cursor = _line.Length;
                            break;
                        case ConsoleKey.U when control:
                            _line.Remove(0, _cursor);
                            _cursor = 0;
                            break;
                        case ConsoleKey.K when control:
                            _line.Length = _cursor;
                            break;
                        case ConsoleKey.W when control:
                            var start = _cursor;
                            while (start > 0 && _line[start - 1] == ' ')
                            {
                                start--;
                            }
                            while (start > 0 && _line[start - 1] != ' ')
                            {
                                start--;
                            }
                            _line.Remove(start, _cursor - start);
                            _cursor = start;
                            break;
                        case ConsoleKey.UpArrow:
                        case ConsoleKey.P when control:
                            if (historyIndex > 0)
                            {
                                if (historyIndex == _history.Count)
                                {
                                    draft = _line.ToString();
                                }
                                Replace(_history[--historyIndex]);
                            }
                            break;
                        case ConsoleKey.DownArrow:
                        case ConsoleKey.N when control:
                            if (historyIndex < _history.Count)
                            {
                                historyIndex++;
                                Replace(historyIndex == _history.Count ? draft : _history[historyIndex]);
                            }
                            break;
                        default:
                            if (key.KeyChar >= ' ' && !control)
                            {
                                _line.Insert(_cursor++, key.KeyChar);
                            }
                            break;
                    }
                    Redraw();
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _editing = false;
            }
            Console.TreatControlCAsInput = treatControlC;
        }
    }

    /// <summary>Writes <paramref name="text"/> as whole lines, above the line being edited if there is one.</summary>
    public void WriteLine(string text)
    {
        lock (_gate)
        {
            if (_editing)
            {
                Console.Out.Write("\r\u001b[K");
                Console.Out.Write(text.Replace("\n", "\r\n", StringComparison.Ordinal));
                Console.Out.Write("\r\n");
                Redraw();
            }
            else
            {
                Console.Out.WriteLine(text);
            }
            Console.Out.Flush();
        }
    }

    private void Replace(string text)
    {
        _line.Clear().Append(text);
        _cursor = _line.Length;
    }

    // The whole line again, then the cursor back to its column (CJK characters take two).
    private void Redraw()
    {
        var output = new StringBuilder("\r\u001b[K").Append(_prompt).Append(_line);
        var back = Width(_line.ToString(_cursor, _line.Length - _cursor));
        if (back > 0)
        {
            output.Append("\u001b[").Append(back).Append('D');
        }
        Console.Out.Write(output.ToString());
        Console.Out.Flush();
    }

    private static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            width += value is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
                or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x1F300 and <= 0x1FAFF or >= 0x20000 and <= 0x3FFFD
                ? 2
                : 1;
        }
        return width;
    }
}
