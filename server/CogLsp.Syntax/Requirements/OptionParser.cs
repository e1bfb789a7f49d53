using System.Collections.Immutable;

namespace CogLsp.Syntax.Requirements;

/// <summary>
/// The options half of a logical line, as pip reads it after <see cref="LineParser"/> has split the line:
/// shell-split the text, then optparse it with the options pip allows in requirements files (long options
/// by exact spelling or unambiguous prefix, clusters of one-letter options, values attached or next) and
/// make the checks pip's option callbacks make on values. Works in logical-line coordinates; never throws.
/// </summary>
internal static class OptionParser
{
    /// <summary>
    /// The options between <paramref name="start"/> and <paramref name="end"/>; words that are neither
    /// options nor option values land in <paramref name="ignored"/>, and the first `-e` value in
    /// <paramref name="editable"/>.
    /// </summary>
    public static ImmutableArray<OptionSyntax> Parse(string text, int start, int end, ParseSink sink, out ImmutableArray<SyntaxValue> ignored, out SyntaxValue? editable)
    {
        ignored = [];
        editable = null;
        if (start >= end)
        {
            return [];
        }

        var words = new List<ShlexSplitter.Word>();
        if (!ShlexSplitter.TrySplit(text, start, end, words, out var errorAt, out var error))
        {
            sink.Token(RequirementsTokenKind.Text, errorAt, end);
            sink.Error(errorAt, end, $"pip cannot split the options: {error}", RequirementsErrorKind.Quoting);
            return [];
        }

        var result = ImmutableArray.CreateBuilder<OptionSyntax>();
        var ignoredBuilder = ImmutableArray.CreateBuilder<SyntaxValue>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var t = word.Value;
            if (t == "--")
            {
                sink.Token(RequirementsTokenKind.Punctuation, word.RawStart, word.RawEnd);
                for (var k = i + 1; k < words.Count; k++)
                {
                    ignoredBuilder.Add(sink.Value(text, words[k].RawStart, words[k].RawEnd));
                }

                break;
            }

            if (t.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = t.IndexOf('=');
                var name = eq >= 0 ? t[..eq] : t;
                var nameEnd = eq >= 0 ? word.Offsets[eq] : word.RawEnd;
                var nameValue = new SyntaxValue(name, sink.SourceSpan(word.RawStart, nameEnd));
                sink.Token(RequirementsTokenKind.OptionName, word.RawStart, nameEnd);
                var option = MatchLong(name, out var candidates);
                if (option is null)
                {
                    if (candidates.Count > 1)
                    {
                        sink.Error(word.RawStart, nameEnd, $"'{name}' is ambiguous: it could be {string.Join(", ", candidates)}", RequirementsErrorKind.AmbiguousOption);
                    }
                    else
                    {
                        sink.Error(word.RawStart, nameEnd, $"pip has no option '{name}' in requirements files", RequirementsErrorKind.UnknownOption);
                    }

                    result.Add(new OptionSyntax(nameValue, null, eq >= 0 ? ValueOf(word, eq + 1) : null, eq >= 0));
                    continue;
                }

                SyntaxValue? value = null;
                if (option.TakesValue)
                {
                    if (eq >= 0)
                    {
                        value = ValueOf(word, eq + 1);
                    }
                    else if (i + 1 < words.Count)
                    {
                        i++;
                        value = ValueOf(words[i], 0);
                    }
                    else
                    {
                        sink.Error(word.RawStart, nameEnd, $"{option.LongName} needs a value", RequirementsErrorKind.OptionValue);
                    }
                }
                else if (eq >= 0)
                {
                    value = ValueOf(word, eq + 1);
                    sink.Error(word.RawStart, word.RawEnd, $"{option.LongName} does not take a value", RequirementsErrorKind.OptionValue);
                }

                var syntax = new OptionSyntax(nameValue, option, value, eq >= 0);
                result.Add(syntax);
                CheckValue(syntax, option.LongName, sink);
                if (option == RequirementsOption.Editable && editable is null && value is not null)
                {
                    editable = value;
                }

                continue;
            }

            if (t.Length > 1 && t[0] == '-')
            {
                // A cluster of one-letter options; every one-letter option takes a value, attached or next.
                var letter = "-" + t[1];
                var letterEnd = word.Offsets.Length > 1 ? word.Offsets[1] + 1 : word.RawEnd;
                var nameValue = new SyntaxValue(letter, sink.SourceSpan(word.RawStart, letterEnd));
                sink.Token(RequirementsTokenKind.OptionName, word.RawStart, letterEnd);
                var option = ShortSpellings.GetValueOrDefault(letter);
                if (option is null)
                {
                    sink.Error(word.RawStart, letterEnd, $"pip has no option '{letter}' in requirements files", RequirementsErrorKind.UnknownOption);
                    result.Add(new OptionSyntax(nameValue, null, t.Length > 2 ? ValueOf(word, 2) : null, false));
                    continue;
                }

                SyntaxValue? value = null;
                if (t.Length > 2)
                {
                    value = ValueOf(word, 2);
                }
                else if (i + 1 < words.Count)
                {
                    i++;
                    value = ValueOf(words[i], 0);
                }
                else
                {
                    sink.Error(word.RawStart, letterEnd, $"{letter} needs a value", RequirementsErrorKind.OptionValue);
                }

                var syntax = new OptionSyntax(nameValue, option, value, false);
                result.Add(syntax);
                CheckValue(syntax, letter, sink);
                if (option == RequirementsOption.Editable && editable is null && value is not null)
                {
                    editable = value;
                }

                continue;
            }

            ignoredBuilder.Add(sink.Value(text, word.RawStart, word.RawEnd));
            sink.Token(RequirementsTokenKind.Text, word.RawStart, word.RawEnd);
        }

        ignored = ignoredBuilder.ToImmutable();
        return result.ToImmutable();

        SyntaxValue ValueOf(ShlexSplitter.Word word, int from)
        {
            var rawStart = from == 0 ? word.RawStart : from < word.Offsets.Length ? word.Offsets[from] : word.RawEnd;
            var span = sink.SourceSpan(rawStart, word.RawEnd);
            sink.Token(RequirementsTokenKind.OptionValue, rawStart, word.RawEnd);
            return new SyntaxValue(word.Value[from..], span);
        }
    }

    private static readonly (string Spelling, RequirementsOption Option)[] LongSpellings =
        RequirementsOption.All.SelectMany(o => o.LongSpellings.Select(s => (s, o))).ToArray();

    private static readonly Dictionary<string, RequirementsOption> ShortSpellings =
        RequirementsOption.All.Where(o => o.ShortName is not null).ToDictionary(o => o.ShortName!, StringComparer.Ordinal);

    /// <summary>optparse's long-option lookup: an exact spelling, else the one spelling it is a prefix of.</summary>
    private static RequirementsOption? MatchLong(string name, out List<string> candidates)
    {
        candidates = [];
        RequirementsOption? prefixMatch = null;
        foreach (var (spelling, option) in LongSpellings)
        {
            if (spelling.Length == name.Length && spelling == name)
            {
                candidates.Clear();
                return option;
            }

            if (spelling.StartsWith(name, StringComparison.Ordinal))
            {
                candidates.Add(spelling);
                prefixMatch = option;
            }
        }

        return candidates.Count == 1 ? prefixMatch : null;
    }

    /// <summary>The checks pip's option callbacks make on values.</summary>
    private static void CheckValue(OptionSyntax option, string spelled, ParseSink sink)
    {
        if (option.Value is not { } value || option.Option is not { } o)
        {
            return;
        }

        var start = sink.ToLogical(value.Span.Start);
        var end = start < 0 ? -1 : sink.ToLogical(value.Span.End - 1) + 1;
        if (start < 0 || end <= 0)
        {
            start = sink.ToLogical(option.Name.Span.Start);
            end = start + 1;
        }

        if (o == RequirementsOption.Hash)
        {
            var colon = value.Text.IndexOf(':');
            if (colon < 0)
            {
                sink.Error(start, end, $"{spelled} needs 'algorithm:digest', like --hash=sha256:0123…", RequirementsErrorKind.OptionValue);
            }
            else if (value.Text[..colon] is not ("sha256" or "sha384" or "sha512"))
            {
                sink.Error(start, end, $"'{value.Text[..colon]}' is not a hash pip accepts; use sha256, sha384 or sha512", RequirementsErrorKind.OptionValue);
            }
        }
        else if (o == RequirementsOption.ConfigSettings && !value.Text.Contains('='))
        {
            sink.Error(start, end, $"{spelled} needs KEY=VALUE", RequirementsErrorKind.OptionValue);
        }
        else if ((o == RequirementsOption.NoBinary || o == RequirementsOption.OnlyBinary) && value.Text.StartsWith('-'))
        {
            sink.Error(start, end, $"{spelled} needs a value: package names, :all: or :none:", RequirementsErrorKind.OptionValue);
        }
        else if (!o.Choices.IsEmpty && !o.Choices.Contains(value.Text))
        {
            sink.Error(start, end, $"'{value.Text}' is not a feature pip knows; use one of {string.Join(", ", o.Choices)}", RequirementsErrorKind.OptionValue);
        }
    }
}
