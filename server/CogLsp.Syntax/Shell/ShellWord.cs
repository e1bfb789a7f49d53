using System.Collections.Immutable;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Shell;

/// <summary>
/// One word of a shell command after quote removal, as /bin/sh would pass it to the program, except that
/// expansions (`$VAR`, `${…}`, `$(…)`, backticks) are kept as written (the shell would replace them with
/// text no one can know before the build). Invariant: <see cref="Offsets"/> has one entry per character
/// of <see cref="Value"/>, the offset in the command text where that character was written.
/// </summary>
public sealed class ShellWord
{
    internal ShellWord(string value, ImmutableArray<int> offsets, TextSpan span, bool hasExpansion, bool isQuoted)
    {
        Value = value;
        Offsets = offsets;
        Span = span;
        HasExpansion = hasExpansion;
        IsQuoted = isQuoted;
    }

    /// <summary>The word after quote removal and backslash escapes, expansions kept as written.</summary>
    public string Value { get; }

    public ImmutableArray<int> Offsets { get; }

    /// <summary>The word as written in the command text, quotes included.</summary>
    public TextSpan Span { get; }

    /// <summary>True when the word holds an expansion outside single quotes, so its value at build time is not <see cref="Value"/>.</summary>
    public bool HasExpansion { get; }

    /// <summary>True when any part of the word was quoted or escaped.</summary>
    public bool IsQuoted { get; }

    /// <summary>
    /// The command-text span covering the value's characters [start, start+length): from the first one's
    /// place to just after the last one's (an empty span lands before the character at start, or after
    /// the last one).
    /// </summary>
    public TextSpan MapValueSpan(TextSpan valueSpan)
    {
        var start = Math.Clamp(valueSpan.Start, 0, Value.Length);
        var end = Math.Clamp(valueSpan.End, start, Value.Length);
        if (Offsets.IsEmpty)
        {
            return new TextSpan(Span.Start, 0);
        }

        if (start == end)
        {
            var at = start < Offsets.Length ? Offsets[start] : Offsets[^1] + 1;
            return new TextSpan(at, 0);
        }

        return TextSpan.FromBounds(Offsets[start], Offsets[end - 1] + 1);
    }

    /// <summary>
    /// True when the value's characters [start, start+length) were written side by side, with nothing
    /// (no quote, no backslash) between them, so replacing their text in the command replaces exactly them.
    /// </summary>
    public bool IsWrittenAsIs(TextSpan valueSpan)
    {
        if (valueSpan.Start < 0 || valueSpan.End > Value.Length || valueSpan.Length < 0)
        {
            return false;
        }

        for (var i = valueSpan.Start + 1; i < valueSpan.End; i++)
        {
            if (Offsets[i] != Offsets[i - 1] + 1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The part of the value from <paramref name="start"/> on, as a word of its own (an option's attached value, `--index-url=URL`).</summary>
    public ShellWord Slice(int start)
    {
        start = Math.Clamp(start, 0, Value.Length);
        var rawStart = start < Offsets.Length ? Offsets[start] : Span.End;
        return new ShellWord(Value[start..], Offsets[start..], TextSpan.FromBounds(Math.Min(rawStart, Span.End), Span.End), HasExpansion, IsQuoted);
    }

    public override string ToString() => Value;
}
