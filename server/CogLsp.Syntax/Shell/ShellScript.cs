using System.Collections.Immutable;
using System.Text;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Shell;

/// <summary>
/// A command line as /bin/sh splits it (the shell Docker runs a `RUN` line with), enough to find the
/// programs it runs and their arguments: POSIX quoting ('…', "…", backslash escapes), line
/// continuations, comments, the separators `&&`, `||`, `;`, `|`, `&`, line breaks and parentheses,
/// redirections (`numpy>=1.26` is the word `numpy` and a redirection to `=1.26`, as in the shell), and
/// assignments before the program. Expansions and substitutions stay opaque parts of their word.
/// Invariant: never throws; an unterminated quote or substitution is an error and the word runs to the
/// end of the text. Control structures (`if`, `for`, `{ …; }`) are not parsed: their keywords are
/// ordinary words at the start of a command.
/// </summary>
public sealed class ShellScript
{
    private ShellScript(string text, ImmutableArray<ShellCommand> commands, ImmutableArray<ShellSyntaxError> errors)
    {
        Text = text;
        Commands = commands;
        Errors = errors;
    }

    public string Text { get; }

    /// <summary>The simple commands in the order they are written (empty ones left out).</summary>
    public ImmutableArray<ShellCommand> Commands { get; }

    public ImmutableArray<ShellSyntaxError> Errors { get; }

    public static ShellScript Parse(string text)
    {
        var parser = new Parser(text ?? string.Empty);
        parser.Run();
        return new ShellScript(parser.Text, parser.Commands.ToImmutable(), parser.Errors.ToImmutable());
    }

    private sealed class Parser(string text)
    {
        public readonly string Text = text;
        public readonly ImmutableArray<ShellCommand>.Builder Commands = ImmutableArray.CreateBuilder<ShellCommand>();
        public readonly ImmutableArray<ShellSyntaxError>.Builder Errors = ImmutableArray.CreateBuilder<ShellSyntaxError>();

        private readonly List<ShellWord> _assignments = [];
        private readonly List<ShellWord> _words = [];
        private readonly List<ShellRedirect> _redirects = [];
        private int _commandStart = -1;
        private (string Operator, int Start)? _pendingRedirect;
        private int _pos;

        private readonly StringBuilder _value = new();
        private readonly List<int> _offsets = [];
        private bool _expansion;
        private bool _quoted;

        public void Run()
        {
            var n = Text.Length;
            while (_pos < n)
            {
                var c = Text[_pos];
                if (c is ' ' or '\t' or '\r')
                {
                    _pos++;
                    continue;
                }

                if (c == '\\' && IsLineBreakAt(_pos + 1))
                {
                    _pos = SkipLineBreak(_pos + 1);
                    continue;
                }

                if (c == '#')
                {
                    while (_pos < n && Text[_pos] != '\n')
                    {
                        _pos++;
                    }

                    continue;
                }

                if (TryOperator(out var op, out var isRedirect))
                {
                    var start = _pos;
                    _pos += op.Length;
                    if (isRedirect)
                    {
                        StartCommand(start);
                        FlushPendingRedirect();
                        _pendingRedirect = (op, start);
                    }
                    else
                    {
                        EndCommand(start, op);
                    }

                    continue;
                }

                var wordStart = _pos;
                var word = ReadWord();
                // An all-digit word directly before '<' or '>' is the descriptor of a redirection (`2>/dev/null`).
                if (!word.IsQuoted && word.Value.Length > 0 && word.Value.All(char.IsAsciiDigit) && _pos < n && Text[_pos] is '<' or '>' && TryOperator(out var redirect, out var really) && really)
                {
                    StartCommand(wordStart);
                    FlushPendingRedirect();
                    _pos += redirect.Length;
                    _pendingRedirect = (word.Value + redirect, wordStart);
                    continue;
                }

                AddWord(word);
            }

            EndCommand(n, string.Empty);
        }

        private void StartCommand(int at)
        {
            if (_commandStart < 0)
            {
                _commandStart = at;
            }
        }

        private void AddWord(ShellWord word)
        {
            StartCommand(word.Span.Start);
            if (_pendingRedirect is { } pending)
            {
                _redirects.Add(new ShellRedirect(pending.Operator, word, TextSpan.FromBounds(pending.Start, word.Span.End)));
                _pendingRedirect = null;
            }
            else if (_words.Count == 0 && IsAssignment(word))
            {
                _assignments.Add(word);
            }
            else
            {
                _words.Add(word);
            }
        }

        private void FlushPendingRedirect()
        {
            if (_pendingRedirect is { } pending)
            {
                _redirects.Add(new ShellRedirect(pending.Operator, null, new TextSpan(pending.Start, pending.Operator.Length)));
                _pendingRedirect = null;
            }
        }

        private void EndCommand(int end, string terminator)
        {
            FlushPendingRedirect();
            if (_commandStart >= 0 && (_words.Count > 0 || _assignments.Count > 0 || _redirects.Count > 0))
            {
                var last = Math.Max(_words.Count > 0 ? _words[^1].Span.End : 0, Math.Max(_assignments.Count > 0 ? _assignments[^1].Span.End : 0, _redirects.Count > 0 ? _redirects[^1].Span.End : 0));
                Commands.Add(new ShellCommand([.. _assignments], [.. _words], [.. _redirects], TextSpan.FromBounds(_commandStart, Math.Max(last, _commandStart)), terminator));
            }

            _assignments.Clear();
            _words.Clear();
            _redirects.Clear();
            _commandStart = -1;
        }

        /// <summary>`NAME=…` with the name written plainly, before the program: an assignment, not a word.</summary>
        private bool IsAssignment(ShellWord word)
        {
            var raw = Text.AsSpan(word.Span.Start, word.Span.Length);
            var eq = raw.IndexOf('=');
            if (eq <= 0 || !(char.IsAsciiLetter(raw[0]) || raw[0] == '_'))
            {
                return false;
            }

            foreach (var ch in raw[..eq])
            {
                if (!(char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>An operator at the current position: a separator, or (when <paramref name="isRedirect"/>) a redirection.</summary>
        private bool TryOperator(out string op, out bool isRedirect)
        {
            op = string.Empty;
            isRedirect = false;
            var c = Text[_pos];
            var next = _pos + 1 < Text.Length ? Text[_pos + 1] : '\0';
            var third = _pos + 2 < Text.Length ? Text[_pos + 2] : '\0';
            switch (c)
            {
                case '\n':
                    op = "\n";
                    return true;
                case ';':
                    op = next == ';' ? ";;" : ";";
                    return true;
                case '(' or ')':
                    op = c.ToString();
                    return true;
                case '|':
                    op = next is '|' or '&' ? $"|{next}" : "|";
                    return true;
                case '&':
                    if (next == '>')
                    {
                        isRedirect = true;
                        op = third == '>' ? "&>>" : "&>";
                        return true;
                    }

                    op = next == '&' ? "&&" : "&";
                    return true;
                case '>':
                    isRedirect = true;
                    op = next is '>' or '|' or '&' ? $">{next}" : ">";
                    return true;
                case '<':
                    isRedirect = true;
                    op = next == '<' ? (third == '<' ? "<<<" : "<<") : next is '&' or '>' ? $"<{next}" : "<";
                    return true;
                default:
                    return false;
            }
        }

        private bool IsLineBreakAt(int i) => i < Text.Length && (Text[i] == '\n' || (Text[i] == '\r' && i + 1 < Text.Length && Text[i + 1] == '\n'));

        private int SkipLineBreak(int i) => Text[i] == '\r' ? i + 2 : i + 1;

        private void Emit(char c, int at)
        {
            _value.Append(c);
            _offsets.Add(at);
        }

        /// <summary>Reads one word from the current position up to an unquoted blank or operator.</summary>
        private ShellWord ReadWord()
        {
            _value.Clear();
            _offsets.Clear();
            _expansion = false;
            _quoted = false;
            var start = _pos;
            var n = Text.Length;
            while (_pos < n)
            {
                var c = Text[_pos];
                if (c is ' ' or '\t' or '\r' or '\n' or ';' or '&' or '|' or '(' or ')' or '<' or '>')
                {
                    break;
                }

                switch (c)
                {
                    case '\\':
                        if (IsLineBreakAt(_pos + 1))
                        {
                            _pos = SkipLineBreak(_pos + 1);
                        }
                        else if (_pos + 1 < n)
                        {
                            _quoted = true;
                            Emit(Text[_pos + 1], _pos + 1);
                            _pos += 2;
                        }
                        else
                        {
                            // A backslash at the very end has nothing to escape; the shell keeps it.
                            Emit('\\', _pos);
                            _pos++;
                        }

                        break;
                    case '\'':
                        ReadSingleQuoted();
                        break;
                    case '"':
                        ReadDoubleQuoted();
                        break;
                    case '$' or '`':
                        ReadExpansion();
                        break;
                    default:
                        Emit(c, _pos);
                        _pos++;
                        break;
                }
            }

            return new ShellWord(_value.ToString(), [.. _offsets], TextSpan.FromBounds(start, _pos), _expansion, _quoted);
        }

        private void ReadSingleQuoted()
        {
            _quoted = true;
            var open = _pos;
            _pos++;
            while (_pos < Text.Length && Text[_pos] != '\'')
            {
                Emit(Text[_pos], _pos);
                _pos++;
            }

            if (_pos >= Text.Length)
            {
                Errors.Add(new ShellSyntaxError(new TextSpan(open, 1), "the single quote is never closed: /bin/sh stops with \"unterminated quoted string\""));
                return;
            }

            _pos++;
        }

        private void ReadDoubleQuoted()
        {
            _quoted = true;
            var open = _pos;
            _pos++;
            while (_pos < Text.Length && Text[_pos] != '"')
            {
                var c = Text[_pos];
                if (c == '\\' && _pos + 1 < Text.Length)
                {
                    var e = Text[_pos + 1];
                    if (IsLineBreakAt(_pos + 1))
                    {
                        _pos = SkipLineBreak(_pos + 1);
                        continue;
                    }

                    if (e is '$' or '`' or '"' or '\\')
                    {
                        Emit(e, _pos + 1);
                        _pos += 2;
                        continue;
                    }
                }

                if (c is '$' or '`')
                {
                    ReadExpansion();
                    continue;
                }

                Emit(c, _pos);
                _pos++;
            }

            if (_pos >= Text.Length)
            {
                Errors.Add(new ShellSyntaxError(new TextSpan(open, 1), "the double quote is never closed: /bin/sh stops with \"unterminated quoted string\""));
                return;
            }

            _pos++;
        }

        /// <summary>`$NAME`, `${…}`, `$(…)`, `$((…))` or `` `…` ``, copied as written into the word.</summary>
        private void ReadExpansion()
        {
            var start = _pos;
            var c = Text[_pos];
            var next = _pos + 1 < Text.Length ? Text[_pos + 1] : '\0';
            int end;
            if (c == '`')
            {
                end = SkipBalanced(_pos + 1, '\0', '`');
            }
            else if (next == '(')
            {
                end = SkipBalanced(_pos + 2, '(', ')');
            }
            else if (next == '{')
            {
                end = SkipBalanced(_pos + 2, '{', '}');
            }
            else if (next == '_' || char.IsAsciiLetter(next))
            {
                end = _pos + 1;
                while (end < Text.Length && (Text[end] == '_' || char.IsAsciiLetterOrDigit(Text[end])))
                {
                    end++;
                }
            }
            else if (next is '@' or '*' or '#' or '?' or '-' or '$' or '!' || char.IsAsciiDigit(next))
            {
                end = _pos + 2;
            }
            else
            {
                // A lone '$' is an ordinary character.
                Emit('$', _pos);
                _pos++;
                return;
            }

            if (end < 0)
            {
                Errors.Add(new ShellSyntaxError(new TextSpan(start, Math.Min(2, Text.Length - start)), c == '`' ? "the backquote is never closed" : $"'{c}{next}' is never closed"));
                end = Text.Length;
            }

            _expansion = true;
            for (var i = start; i < end; i++)
            {
                Emit(Text[i], i);
            }

            _pos = end;
        }

        /// <summary>
        /// The offset just after the <paramref name="close"/> that ends a substitution begun before
        /// <paramref name="from"/> (nested pairs of <paramref name="open"/> and quotes skipped), or -1.
        /// </summary>
        private int SkipBalanced(int from, char open, char close)
        {
            var depth = 1;
            var i = from;
            while (i < Text.Length)
            {
                var c = Text[i];
                if (c == '\\')
                {
                    i += 2;
                    continue;
                }

                if (c == close)
                {
                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    i++;
                    continue;
                }

                if (open != '\0' && c == open)
                {
                    depth++;
                    i++;
                    continue;
                }

                if (close != '`' && c is '\'' or '"')
                {
                    var quoteEnd = Text.IndexOf(c, i + 1);
                    if (quoteEnd < 0)
                    {
                        return -1;
                    }

                    i = quoteEnd + 1;
                    continue;
                }

                i++;
            }

            return -1;
        }
    }
}
