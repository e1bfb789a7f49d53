using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CogLsp.Syntax.Pep440;

namespace CogLsp.Syntax.Requirements;

/// <summary>
/// A PEP 508 requirement without its marker (pip cuts the marker off at the first `;` before parsing):
/// `name [extras] (specifiers | @ url)`, with the grammar and whitespace rules of today's pip
/// (packaging 22 and later). Works in logical-line coordinates; the first error stops it.
/// </summary>
internal sealed partial class Pep508Parser(string text, int end, ParseSink sink)
{
    private int _pos;

    public SyntaxValue? Name { get; private set; }

    public ImmutableArray<SyntaxValue> Extras { get; private set; } = [];

    public ImmutableArray<SpecifierSyntax> Specifiers { get; private set; } = [];

    public SyntaxValue? Url { get; private set; }

    public static Pep508Parser Parse(string text, int start, int end, ParseSink sink)
    {
        var parser = new Pep508Parser(text, end, sink) { _pos = start };
        parser.Run();
        return parser;
    }

    private void Run()
    {
        SkipWs();
        var nameLength = NameLength(text, _pos, end);
        if (nameLength == 0)
        {
            sink.Token(RequirementsTokenKind.Text, _pos, end);
            sink.Error(_pos, Math.Min(end, _pos + 1), _pos < end && text[_pos] is '=' or '<' or '>' or '!' or '~'
                ? "a package name must come before the version"
                : "a requirement must start with a package name (letters, digits, '.', '_' or '-', starting and ending with a letter or digit)");
            return;
        }

        Name = sink.Value(text, _pos, _pos + nameLength);
        sink.Token(RequirementsTokenKind.PackageName, _pos, _pos + nameLength);
        _pos += nameLength;
        SkipWs();
        if (_pos < end && text[_pos] == '[' && !ParseExtras())
        {
            return;
        }

        SkipWs();
        if (_pos < end && text[_pos] == '@')
        {
            ParseUrl();
            return;
        }

        ParseSpecifiers();
    }

    private bool ParseExtras()
    {
        var open = _pos;
        sink.Token(RequirementsTokenKind.Punctuation, _pos, _pos + 1);
        _pos++;
        SkipWs();
        var extras = ImmutableArray.CreateBuilder<SyntaxValue>();
        if (TryName(out var first))
        {
            extras.Add(first);
            while (true)
            {
                SkipWs();
                if (NameLength(text, _pos, end) is > 0 and var length)
                {
                    sink.Error(_pos, _pos + length, "extra names must be separated by commas");
                    return false;
                }

                if (_pos >= end || text[_pos] != ',')
                {
                    break;
                }

                sink.Token(RequirementsTokenKind.Punctuation, _pos, _pos + 1);
                _pos++;
                SkipWs();
                if (!TryName(out var next))
                {
                    sink.Error(_pos, Math.Min(end, _pos + 1), "expected an extra name after the comma");
                    return false;
                }

                extras.Add(next);
            }
        }

        Extras = extras.ToImmutable();
        SkipWs();
        if (_pos >= end || text[_pos] != ']')
        {
            sink.Error(open, Math.Min(end, _pos + 1), "the '[' of the extras is never closed with ']'");
            return false;
        }

        sink.Token(RequirementsTokenKind.Punctuation, _pos, _pos + 1);
        _pos++;
        return true;
    }

    private bool TryName(out SyntaxValue value)
    {
        value = null!;
        var length = NameLength(text, _pos, end);
        if (length == 0)
        {
            return false;
        }

        value = sink.Value(text, _pos, _pos + length);
        sink.Token(RequirementsTokenKind.Extra, _pos, _pos + length);
        _pos += length;
        return true;
    }

    private void ParseUrl()
    {
        sink.Token(RequirementsTokenKind.Punctuation, _pos, _pos + 1);
        var at = _pos;
        _pos++;
        SkipWs();
        var start = _pos;
        while (_pos < end && text[_pos] is not (' ' or '\t'))
        {
            _pos++;
        }

        if (_pos == start)
        {
            sink.Error(at, at + 1, "expected a URL after '@'");
            return;
        }

        Url = sink.Value(text, start, _pos);
        sink.Token(RequirementsTokenKind.Url, start, _pos);
        var problem = PipUrls.DirectReferenceProblem(Url.Text);
        if (problem is not null)
        {
            sink.Error(start, _pos, problem);
            return;
        }

        SkipWs();
        if (_pos < end)
        {
            sink.Token(RequirementsTokenKind.Text, _pos, end);
            sink.Error(_pos, end, "nothing may follow the URL except a `; marker`");
        }
    }

    private void ParseSpecifiers()
    {
        var paren = _pos < end && text[_pos] == '(';
        var open = _pos;
        if (paren)
        {
            sink.Token(RequirementsTokenKind.Punctuation, _pos, _pos + 1);
            _pos++;
            SkipWs();
        }

        var specifiers = ImmutableArray.CreateBuilder<SpecifierSyntax>(2);
        while (_pos < end)
        {
            int opStart = _pos, opEnd, verStart, verEnd, matchStart = _pos, tokenEnd = -1;
            Pep440Specifier? parsed;
            var plain = Pep440Specifier.MatchPlain(text, _pos, end, out var opLength);
            if (plain > 0)
            {
                opEnd = _pos + opLength;
                verStart = opEnd;
                verEnd = _pos + plain;
                parsed = null;
            }
            else
            {
                var m = Pep440Specifier.PrefixPattern().Match(text, _pos, end - _pos);
                if (!m.Success || m.Index != _pos)
                {
                    break;
                }

                var opGroup = m.Groups["operator"];
                var verGroup = m.Groups["version"];
                opStart = opGroup.Index;
                opEnd = opGroup.Index + opGroup.Length;
                verStart = verGroup.Index;
                while (verStart < verGroup.Index + verGroup.Length && char.IsWhiteSpace(text[verStart]))
                {
                    verStart++;
                }

                verEnd = verGroup.Index + verGroup.Length;
                if (opGroup.Value == "===" && text.IndexOf(',', verStart, verEnd - verStart) is >= 0 and var comma)
                {
                    // packaging reads `===` with everything up to white space, ';' or ')' as one token, commas
                    // included, and then splits the token's text at the commas: the arbitrary version ends at
                    // the first comma and every further piece must be a specifier of its own.
                    tokenEnd = verEnd;
                    verEnd = comma;
                }

                parsed = verEnd == verStart && opGroup.Value != "===" ? null : Pep440Specifier.FromMatchedParts(opGroup.Value, text[verStart..verEnd]);
                if (parsed is null)
                {
                    sink.Token(RequirementsTokenKind.VersionOperator, opStart, opEnd);
                    break;
                }
            }

            sink.Token(RequirementsTokenKind.VersionOperator, opStart, opEnd);
            sink.Token(RequirementsTokenKind.Version, verStart, verEnd);
            var opValue = sink.Value(text, opStart, opEnd);
            var versionValue = sink.Value(text, verStart, verEnd);
            specifiers.Add(new SpecifierSyntax(opValue, versionValue, parsed ?? Pep440Specifier.FromMatchedParts(opValue.Text, versionValue.Text)));
            _pos = verEnd;
            if (tokenEnd > verEnd && !ParseArbitraryTail(tokenEnd, specifiers))
            {
                Specifiers = specifiers.ToImmutable();
                return;
            }

            if (_pos + 1 < end && text[_pos] == '.' && text[_pos + 1] == '*')
            {
                sink.Error(matchStart, _pos + 2, $"a '.*' wildcard is only allowed with == and != (pip 24.1 and later reject '{text[matchStart..(_pos + 2)]}')", RequirementsErrorKind.LegacyVersion);
                Specifiers = specifiers.ToImmutable();
                return;
            }

            if (_pos < end && text[_pos] == '+' && LocalLabelPattern().Match(text, _pos, end - _pos) is { Success: true } local && local.Index == _pos)
            {
                sink.Error(matchStart, _pos + local.Length, "a local version label (+…) is only allowed with == and !=");
                Specifiers = specifiers.ToImmutable();
                return;
            }

            SkipWs();
            if (_pos >= end || text[_pos] != ',')
            {
                break;
            }

            sink.Token(RequirementsTokenKind.Punctuation, _pos, _pos + 1);
            _pos++;
            SkipWs();
        }

        Specifiers = specifiers.ToImmutable();
        SkipWs();
        if (paren)
        {
            if (_pos < end && text[_pos] == ')')
            {
                sink.Token(RequirementsTokenKind.Punctuation, _pos, _pos + 1);
                _pos++;
                SkipWs();
            }
            else if (_pos >= end)
            {
                sink.Error(open, open + 1, "this parenthesis is never closed");
                return;
            }
        }

        if (_pos < end)
        {
            ReportTrailing();
        }
    }

    /// <summary>
    /// The pieces after the first comma of a `===` token (from the comma at <see cref="_pos"/> to
    /// <paramref name="tokenEnd"/>): empty pieces are dropped, as packaging drops them; each other piece
    /// must be a whole specifier. Returns false after reporting the first piece that is not.
    /// </summary>
    private bool ParseArbitraryTail(int tokenEnd, ImmutableArray<SpecifierSyntax>.Builder specifiers)
    {
        while (_pos < tokenEnd)
        {
            sink.Token(RequirementsTokenKind.Punctuation, _pos, _pos + 1);
            _pos++;
            var pieceEnd = text.IndexOf(',', _pos, tokenEnd - _pos);
            pieceEnd = pieceEnd < 0 ? tokenEnd : pieceEnd;
            if (pieceEnd == _pos)
            {
                continue;
            }

            var m = Pep440Specifier.PrefixPattern().Match(text, _pos, pieceEnd - _pos);
            if (!m.Success || m.Index != _pos || m.Length != pieceEnd - _pos || !Pep440Specifier.TryParse(text[_pos..pieceEnd], out var parsed))
            {
                sink.Token(RequirementsTokenKind.Text, _pos, pieceEnd);
                ReportClause(_pos, text[_pos..pieceEnd]);
                return false;
            }

            var op = m.Groups["operator"];
            var version = m.Groups["version"];
            sink.Token(RequirementsTokenKind.VersionOperator, op.Index, op.Index + op.Length);
            sink.Token(RequirementsTokenKind.Version, version.Index, version.Index + version.Length);
            specifiers.Add(new SpecifierSyntax(sink.Value(text, op.Index, op.Index + op.Length), sink.Value(text, version.Index, version.Index + version.Length), parsed));
            _pos = pieceEnd;
        }

        return true;
    }

    private void ReportTrailing()
    {
        sink.Token(RequirementsTokenKind.Text, _pos, end);
        var rest = text[_pos..end];
        if (!Specifiers.IsEmpty && (Pep440Specifier.MatchPlain(text, _pos, end, out _) > 0 || Pep440Specifier.PrefixPattern().Match(text, _pos, end - _pos) is { Success: true } more && more.Index == _pos))
        {
            sink.Error(_pos, _pos + 1, "version clauses must be separated by commas, like >=1.0,<2");
            return;
        }

        var clause = ClausePattern().Match(rest);
        if (clause.Success && clause.Length > 0)
        {
            ReportClause(_pos, clause.Value.TrimEnd());
            return;
        }

        sink.Error(_pos, end, Specifiers.IsEmpty
            ? "expected a version specifier (like ==1.0), '@ url', '; marker' or the end of the requirement here"
            : "expected ',' and another version specifier, '; marker' or the end of the requirement here");
    }

    /// <summary>Why <paramref name="written"/> (at <paramref name="start"/>) is not a version clause pip accepts.</summary>
    private void ReportClause(int start, string written)
    {
        var clauseEnd = start + written.Length;
        if (written.StartsWith("<>", StringComparison.Ordinal))
        {
            sink.Error(start, clauseEnd, "'<>' is not a version operator (pip 24.1 and later reject it); write != instead", RequirementsErrorKind.LegacyVersion);
        }
        else if (written[0] is '=' && !written.StartsWith("==", StringComparison.Ordinal))
        {
            sink.Error(start, clauseEnd, "'=' is not a version operator; did you mean '=='?");
        }
        else if (OperatorPrefix().Match(written) is { Success: true } bare && bare.Length == written.Length)
        {
            sink.Error(start, clauseEnd, $"'{bare.Value}' needs a version after it");
        }
        else if (OperatorPrefix().Match(written) is { Success: true } op && op.Length < written.Length)
        {
            var version = written[op.Length..].Trim();
            sink.Error(start, clauseEnd, $"'{version}' is not a valid version for '{op.Value}' (pip 24.1 and later reject legacy versions like this)", RequirementsErrorKind.LegacyVersion);
        }
        else
        {
            sink.Error(start, clauseEnd, $"'{written}' is not a valid version specifier");
        }
    }

    private void SkipWs()
    {
        while (_pos < end && text[_pos] is ' ' or '\t')
        {
            _pos++;
        }
    }

    /// <summary>The length of the PEP 508 name at <paramref name="start"/>: [A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?, or 0.</summary>
    internal static int NameLength(string text, int start, int end)
    {
        if (start >= end || !char.IsAsciiLetterOrDigit(text[start]))
        {
            return 0;
        }

        var last = start;
        var i = start + 1;
        while (i < end && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_' or '-'))
        {
            if (char.IsAsciiLetterOrDigit(text[i]))
            {
                last = i;
            }

            i++;
        }

        return last - start + 1;
    }

    [GeneratedRegex(@"\+[a-z0-9]+(?:[-_\.][a-z0-9]+)*", RegexOptions.IgnoreCase)]
    private static partial Regex LocalLabelPattern();

    [GeneratedRegex(@"^(?:===|==|!=|<=|>=|~=|<>|<|>|=)\s*[^\s,;)]*")]
    private static partial Regex ClausePattern();

    [GeneratedRegex(@"^(?:===|==|!=|<=|>=|~=|<|>)")]
    private static partial Regex OperatorPrefix();
}
