using System.Collections.Concurrent;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// Remembers a pure function of one requirement line's text. Typing changes one line at a time, so
/// nearly every line of the next resolution was seen before. Bounded: when full it starts over, so
/// memory stays flat however long the session.
/// </summary>
internal sealed class LineMemo<T>(Func<string, T> compute, int capacity = 200_000)
{
    private ConcurrentDictionary<string, T> _values = new(StringComparer.Ordinal);

    public T Get(string line)
    {
        var values = _values;
        if (values.TryGetValue(line, out var value))
        {
            return value;
        }

        value = compute(line);
        if (values.Count >= capacity)
        {
            _values = values = new ConcurrentDictionary<string, T>(StringComparer.Ordinal);
        }

        values.TryAdd(line, value);
        return value;
    }
}
