using System;
using System.Globalization;

namespace CqBot.Generators.Declarations;

/// <summary>
/// A duration as a command attribute writes it (<c>MinInterval</c>): whole numbers with the units
/// <c>d</c>, <c>h</c>, <c>m</c>, <c>s</c>, alone or combined from the largest unit down, each unit at most
/// once (<c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>1d12h</c>), or the invariant <see cref="TimeSpan"/> form
/// <c>hh:mm:ss</c> / <c>d.hh:mm:ss</c>. A bare number is refused: it would not say its unit.
/// </summary>
internal static class Duration
{
    private static readonly long[] UnitTicks = [TimeSpan.TicksPerDay, TimeSpan.TicksPerHour, TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond];

    /// <summary>
    /// Reads <paramref name="text"/> into a number of ticks. A leading <c>-</c> is read, so that a negative
    /// duration is told apart from text that is no duration at all; whether the value is positive is the
    /// caller's to check.
    /// </summary>
    public static bool TryParse(string text, out long ticks)
    {
        ticks = 0;
        if (text.IndexOf(':') >= 0)
        {
            // TimeSpan would skip white space around the value; neither form allows it.
            if (text.Trim().Length != text.Length || !TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }
            ticks = value.Ticks;
            return true;
        }

        var negative = text.Length > 0 && text[0] == '-';
        var position = negative ? 1 : 0;
        if (position == text.Length)
        {
            return false;
        }
        var total = 0L;
        var nextUnit = 0;
        while (position < text.Length)
        {
            var start = position;
            var number = 0L;
            while (position < text.Length && text[position] is >= '0' and <= '9')
            {
                if (number > (long.MaxValue - 9) / 10)
                {
                    return false;
                }
                number = number * 10 + (text[position] - '0');
                position++;
            }
            if (position == start || position == text.Length)
            {
                // No number, or a number without its unit.
                return false;
            }
            var unit = UnitIndex(text[position]);
            if (unit < nextUnit)
            {
                // Not a unit, or a unit repeated or written after a smaller one ("1h1h", "30m1h").
                return false;
            }
            position++;
            nextUnit = unit + 1;
            if (number > (TimeSpan.MaxValue.Ticks - total) / UnitTicks[unit])
            {
                return false;
            }
            total += number * UnitTicks[unit];
        }
        ticks = negative ? -total : total;
        return true;
    }

    private static int UnitIndex(char unit) => unit switch
    {
        'd' => 0,
        'h' => 1,
        'm' => 2,
        's' => 3,
        _ => -1,
    };
}
