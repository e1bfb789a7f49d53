using System.Collections.Immutable;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>
/// PEP 508 environment markers: comparisons of marker variables and quoted strings joined by `and`
/// and `or`, with parentheses. Builds a tree in logical-line coordinates; the first error stops it.
/// </summary>
internal sealed class MarkerParser(string text, int end, ParseSink sink)
{
    /// <summary>Every marker variable today's pip accepts, including the dotted legacy spellings.</summary>
    public static ImmutableArray<string> Variables { get; } =
    [
        "python_version", "python_full_version", "os_name", "sys_platform", "platform_release", "platform_system",
        "platform_version", "platform_machine", "platform_python_implementation", "implementation_name",
        "implementation_version", "extra", "os.name", "sys.platform", "platform.version", "platform.machine",
        "platform.python_implementation", "python_implementation",
    ];

    private int _pos;

    public static MarkerNode? Parse(string text, int start, int end, ParseSink sink)
    {
        var parser = new MarkerParser(text, end, sink) { _pos = start };
        var node = parser.ParseOr();
        if (sink.HasError)
        {
            return null;
        }

        parser.SkipWs();
        if (parser._pos < end)
        {
            sink.Error(parser._pos, end, "expected `and`, `or` or the end of the marker here", RequirementsErrorKind.Marker);
            return null;
        }

        return node;
    }

    private MarkerNode? ParseOr()
    {
        var left = ParseAnd();
        while (left is not null && TryKeyword("or", out var op))
        {
            var right = ParseAnd();
            if (right is null)
            {
                return null;
            }

            left = new MarkerBooleanNode(TextSpan.FromBounds(left.Span.Start, right.Span.End), left, op, right);
        }

        return left;
    }

    private MarkerNode? ParseAnd()
    {
        var left = ParseAtom();
        while (left is not null && TryKeyword("and", out var op))
        {
            var right = ParseAtom();
            if (right is null)
            {
                return null;
            }

            left = new MarkerBooleanNode(TextSpan.FromBounds(left.Span.Start, right.Span.End), left, op, right);
        }

        return left;
    }

    private bool TryKeyword(string keyword, out SyntaxValue op)
    {
        op = null!;
        var save = _pos;
        SkipWs();
        if (IsWordAt(keyword))
        {
            op = new SyntaxValue(keyword, sink.SourceSpan(_pos, _pos + keyword.Length));
            sink.Token(RequirementsTokenKind.MarkerKeyword, _pos, _pos + keyword.Length);
            _pos += keyword.Length;
            return true;
        }

        _pos = save;
        return false;
    }

    private MarkerNode? ParseAtom()
    {
        SkipWs();
        if (_pos < end && text[_pos] == '(')
        {
            var open = _pos;
            sink.Token(RequirementsTokenKind.Punctuation, _pos, _pos + 1);
            _pos++;
            var inner = ParseOr();
            if (inner is null)
            {
                return null;
            }

            SkipWs();
            if (_pos >= end || text[_pos] != ')')
            {
                sink.Error(open, _pos < end ? _pos + 1 : end, "this parenthesis is never closed", RequirementsErrorKind.Marker);
                return null;
            }

            sink.Token(RequirementsTokenKind.Punctuation, _pos, _pos + 1);
            _pos++;
            return new MarkerGroupNode(sink.SourceSpan(open, _pos), inner);
        }

        var left = ParseOperand();
        if (left is null)
        {
            return null;
        }

        SkipWs();
        var op = ParseOperator();
        if (op is null)
        {
            return null;
        }

        SkipWs();
        var right = ParseOperand();
        if (right is null)
        {
            return null;
        }

        return new MarkerComparisonNode(TextSpan.FromBounds(left.Span.Start, right.Span.End), left, op, right);
    }

    private MarkerOperand? ParseOperand()
    {
        if (_pos >= end)
        {
            sink.Error(_pos, _pos, "the marker ends where a variable or a quoted string should be", RequirementsErrorKind.Marker);
            return null;
        }

        var c = text[_pos];
        if (c is '"' or '\'')
        {
            var close = text.IndexOf(c, _pos + 1, end - _pos - 1);
            if (close < 0)
            {
                sink.Error(_pos, end, $"the quote {c} is never closed", RequirementsErrorKind.Marker);
                return null;
            }

            var operand = new MarkerOperand(text[(_pos + 1)..close], sink.SourceSpan(_pos, close + 1), false);
            sink.Token(RequirementsTokenKind.MarkerString, _pos, close + 1);
            _pos = close + 1;
            return operand;
        }

        var wordEnd = _pos;
        if (char.IsAsciiLetter(text[_pos]) || text[_pos] == '_')
        {
            wordEnd++;
            while (wordEnd < end && (char.IsAsciiLetterOrDigit(text[wordEnd]) || text[wordEnd] is '_' or '.' or '-'))
            {
                wordEnd++;
            }
        }

        if (wordEnd > _pos)
        {
            var word = text[_pos..wordEnd];
            if (VariableSet.Contains(word) && (_pos == 0 || !IsWordChar(text[_pos - 1])))
            {
                sink.Token(RequirementsTokenKind.MarkerVariable, _pos, _pos + word.Length);
                var operand = new MarkerOperand(word, sink.SourceSpan(_pos, _pos + word.Length), true);
                _pos += word.Length;
                return operand;
            }

            sink.Token(RequirementsTokenKind.Text, _pos, _pos + word.Length);
            var hint = Suggest(word);
            sink.Error(_pos, _pos + word.Length, hint is null
                ? $"'{word}' is not a marker variable; values must be quoted, and variables are python_version, sys_platform, platform_machine and the others PEP 508 lists"
                : $"'{word}' is not a marker variable; did you mean '{hint}'?", RequirementsErrorKind.MarkerVariable);
            return null;
        }

        sink.Error(_pos, _pos + 1, "expected a marker variable or a quoted string here", RequirementsErrorKind.Marker);
        return null;
    }

    private SyntaxValue? ParseOperator()
    {
        var start = _pos;
        if (IsWordAt("in"))
        {
            _pos += 2;
            sink.Token(RequirementsTokenKind.MarkerOperator, start, _pos);
            return new SyntaxValue("in", sink.SourceSpan(start, _pos));
        }

        if (IsWordAt("not"))
        {
            var afterNot = _pos + 3;
            var i = afterNot;
            while (i < end && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i > afterNot && i + 2 <= end && string.CompareOrdinal(text, i, "in", 0, 2) == 0 && (i + 2 == end || !IsWordChar(text[i + 2])))
            {
                _pos = i + 2;
                sink.Token(RequirementsTokenKind.MarkerOperator, start, _pos);
                return new SyntaxValue("not in", sink.SourceSpan(start, _pos));
            }

            sink.Error(start, Math.Max(i, afterNot), "`not` must be followed by a space and `in`", RequirementsErrorKind.MarkerOperator);
            return null;
        }

        foreach (var op in (ReadOnlySpan<string>)["===", "==", "~=", "!=", "<=", ">=", "<", ">"])
        {
            if (_pos + op.Length <= end && string.CompareOrdinal(text, _pos, op, 0, op.Length) == 0)
            {
                _pos += op.Length;
                sink.Token(RequirementsTokenKind.MarkerOperator, start, _pos);
                return new SyntaxValue(op, sink.SourceSpan(start, _pos));
            }
        }

        var j = _pos;
        while (j < end && text[j] is '=' or '<' or '>' or '!' or '~')
        {
            j++;
        }

        if (j == _pos)
        {
            while (j < end && !char.IsWhiteSpace(text[j]) && text[j] is not ('"' or '\''))
            {
                j++;
            }
        }

        sink.Token(RequirementsTokenKind.Text, _pos, Math.Max(j, _pos + 1));
        var bad = text[_pos..Math.Min(end, Math.Max(j, _pos + 1))];
        sink.Error(_pos, Math.Max(j, Math.Min(end, _pos + 1)), $"'{bad}' is not a marker operator; use one of <, <=, ==, !=, >=, >, ~=, ===, in, not in", RequirementsErrorKind.MarkerOperator);
        return null;
    }

    private void SkipWs()
    {
        while (_pos < end && text[_pos] is ' ' or '\t')
        {
            _pos++;
        }
    }

    private bool IsWordAt(string word) =>
        _pos + word.Length <= end
        && string.CompareOrdinal(text, _pos, word, 0, word.Length) == 0
        && (_pos == 0 || !IsWordChar(text[_pos - 1]))
        && (_pos + word.Length == end || !IsWordChar(text[_pos + word.Length]));

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static string? Suggest(string word)
    {
        var normalized = word.Replace('-', '_').ToLowerInvariant();
        var best = Variables.Where(v => !v.Contains('.')).Select(v => (v, d: EditDistance.Compute(normalized, v))).OrderBy(p => p.d).First();
        return best.d <= Math.Max(2, word.Length / 3) ? best.v : null;
    }

    private static readonly HashSet<string> VariableSet = new(Variables, StringComparer.Ordinal);
}
