using System.Collections.Immutable;
using CogLsp.Syntax.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CogLsp.Syntax.CogYaml;

/// <summary>
/// The positioned model of a cog.yaml: the first YAML document as a tree of nodes that keep their exact
/// spans and scalar styles, plus what went wrong while reading (syntax errors, duplicate keys, nesting
/// too deep) and the comments. Built from YamlDotNet's parser events, never by hand-parsing YAML.
/// Architecture invariant: <see cref="Parse"/> never throws and always returns a model; after a syntax
/// error the model holds everything read before it, with open collections closed at the error.
/// </summary>
public sealed class CogYamlDocument
{
    /// <summary>
    /// Collections nested deeper than this are left out of the model (and reported), so every consumer
    /// may walk the tree recursively without risking the stack. No real cog.yaml comes near it.
    /// </summary>
    public const int MaxDepth = 200;

    /// <summary>The budget for counting what aliases expand to (see <see cref="ExpandedNodeCount"/>).</summary>
    public const long ExpansionCap = 10_000_000;

    private CogYamlDocument(SourceText text)
    {
        Text = text;
    }

    public SourceText Text { get; }

    /// <summary>The root of the first document; null for an empty file (or one that broke before any node).</summary>
    public YamlNode? Root { get; private set; }

    public ImmutableArray<YamlSyntaxError> Errors { get; private set; } = [];

    public ImmutableArray<YamlDuplicateKey> DuplicateKeys { get; private set; } = [];

    /// <summary>Spans of the comments (from `#` to the end of the line).</summary>
    public ImmutableArray<TextSpan> Comments { get; private set; } = [];

    /// <summary>The span of the start of a second document (`---`), when the file has more than one; Cog reads only the first.</summary>
    public TextSpan? ExtraDocument { get; private set; }

    /// <summary>Every written node in the order it was completed: children before their parent, an anchored node before its aliases.</summary>
    public ImmutableArray<YamlNode> Nodes { get; private set; } = [];

    /// <summary>
    /// How many nodes the document holds once every alias is replaced by a copy of its anchor's node,
    /// as a YAML decoder that builds values would see it; saturates at <see cref="ExpansionCap"/>.
    /// Computed in one pass over the written nodes, so an alias bomb is measured without being expanded.
    /// </summary>
    public long ExpandedNodeCount { get; private set; }

    public bool HasSyntaxErrors => Errors.Any(e => e.Kind == YamlErrorKind.Syntax);

    public static CogYamlDocument Parse(SourceText text)
    {
        var document = new CogYamlDocument(text);
        try
        {
            new Builder(document).Run();
        }
        catch (Exception e)
        {
            // The builder handles YamlDotNet's exceptions itself; anything else is a bug of ours, and the
            // invariant says the caller still gets a model.
            document.Errors = document.Errors.Add(new YamlSyntaxError(new TextSpan(0, 0), "Internal error reading YAML: " + e.Message));
        }

        return document;
    }

    /// <summary>The innermost written nodes containing <paramref name="offset"/> (touching at the end counts), outermost first.</summary>
    public ImmutableArray<YamlNode> FindPath(int offset)
    {
        var path = ImmutableArray.CreateBuilder<YamlNode>();
        var node = Root;
        while (node is not null && node.Span.Touches(offset))
        {
            path.Add(node);
            YamlNode? next = null;
            switch (node)
            {
                case YamlMapping mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        if (entry.Key.Span.Touches(offset))
                        {
                            next = entry.Key;
                            break;
                        }

                        if (entry.Value is not null && entry.Value.Span.Touches(offset) && !entry.Value.Span.IsEmpty)
                        {
                            next = entry.Value;
                            break;
                        }
                    }

                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        if (item.Span.Touches(offset))
                        {
                            next = item;
                            break;
                        }
                    }

                    break;
            }

            node = next;
        }

        return path.ToImmutable();
    }

    private static YamlScalarStyle ToStyle(ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
        ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
        ScalarStyle.Literal => YamlScalarStyle.Literal,
        ScalarStyle.Folded => YamlScalarStyle.Folded,
        _ => YamlScalarStyle.Plain,
    };

    /// <summary>Turns the event stream into the tree with an explicit stack, so nesting never recurses.</summary>
    private sealed class Builder(CogYamlDocument document)
    {
        private readonly SourceText _text = document.Text;
        private readonly Stack<Frame> _stack = new();
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
        private readonly ImmutableArray<YamlSyntaxError>.Builder _errors = ImmutableArray.CreateBuilder<YamlSyntaxError>();
        private readonly ImmutableArray<YamlDuplicateKey>.Builder _duplicates = ImmutableArray.CreateBuilder<YamlDuplicateKey>();
        private readonly ImmutableArray<TextSpan>.Builder _comments = ImmutableArray.CreateBuilder<TextSpan>();
        private readonly List<YamlNode> _nodes = [];
        private int _documents;
        private int _skipDepth;
        private bool _inFirstDocument;

        public void Run()
        {
            var scanner = new Scanner(new StringReader(_text.Text), skipComments: false);
            var parser = new Parser(scanner);
            try
            {
                while (parser.MoveNext())
                {
                    Handle(parser.Current!);
                }
            }
            catch (YamlException e)
            {
                var span = ErrorSpan(e, scanner.CurrentPosition);
                _errors.Add(new YamlSyntaxError(span, CleanMessage(e)));
                CloseAll(span.Start);
            }

            Finish();
        }

        private void Finish()
        {
            document.Errors = _errors.ToImmutable();
            document.DuplicateKeys = _duplicates.ToImmutable();
            document.Comments = _comments.ToImmutable();
            document.Nodes = [.. _nodes];
            document.ExpandedNodeCount = CountExpanded(_nodes);
        }

        private void Handle(ParsingEvent e)
        {
            switch (e)
            {
                case Comment:
                    _comments.Add(Span(e));
                    return;
                case DocumentStart:
                    _documents++;
                    _inFirstDocument = _documents == 1;
                    if (_documents == 2)
                    {
                        document.ExtraDocument = Span(e);
                    }

                    return;
                case DocumentEnd:
                    _inFirstDocument = false;
                    return;
                case StreamStart or StreamEnd:
                    return;
            }

            if (!_inFirstDocument)
            {
                return;
            }

            if (_skipDepth > 0)
            {
                if (e is MappingStart or SequenceStart)
                {
                    _skipDepth++;
                }
                else if (e is MappingEnd or SequenceEnd)
                {
                    _skipDepth--;
                }

                return;
            }

            switch (e)
            {
                case Scalar s:
                    Add(new YamlScalar(Span(e), s.Value, ToStyle(s.Style), AnchorOf(s.Anchor), TagOf(s.Tag)));
                    break;
                case AnchorAlias a:
                    var name = a.Value.IsEmpty ? string.Empty : a.Value.Value;
                    var target = _anchors.GetValueOrDefault(name);
                    if (target is null)
                    {
                        _errors.Add(new YamlSyntaxError(Span(e), $"The alias '*{name}' names no anchor defined before it.", YamlErrorKind.UnknownAnchor));
                    }

                    Add(new YamlAlias(Span(e), name, target));
                    break;
                case MappingStart m:
                    Open(e, isMapping: true, m.Style == MappingStyle.Flow, AnchorOf(m.Anchor), TagOf(m.Tag));
                    break;
                case SequenceStart q:
                    Open(e, isMapping: false, q.Style == SequenceStyle.Flow, AnchorOf(q.Anchor), TagOf(q.Tag));
                    break;
                case MappingEnd or SequenceEnd:
                    // The end event of a flow collection is an empty mark at its closing bracket; include the bracket.
                    var end = Offset(e.End);
                    Close(end < _text.Length && _text[end] is ']' or '}' ? end + 1 : end);
                    break;
            }
        }

        private void Open(ParsingEvent e, bool isMapping, bool isFlow, string? anchor, string? tag)
        {
            if (_stack.Count >= MaxDepth)
            {
                _skipDepth = 1;
                _errors.Add(new YamlSyntaxError(Span(e), $"Nesting deeper than {MaxDepth} levels; the rest of this collection is not analysed.", YamlErrorKind.TooDeep));
                return;
            }

            _stack.Push(new Frame(Offset(e.Start), isMapping, isFlow, anchor, tag));
        }

        private void Close(int endOffset)
        {
            var frame = _stack.Pop();
            YamlNode node;
            var lastEnd = frame.Children.Count > 0 ? frame.Children.Max(c => c.Span.End) : frame.Start;
            var end = frame.IsFlow ? Math.Max(endOffset, lastEnd) : Math.Max(lastEnd, frame.Start);
            var span = TextSpan.FromBounds(frame.Start, Math.Min(end, _text.Length));
            if (frame.IsMapping)
            {
                var entries = ImmutableArray.CreateBuilder<YamlEntry>(frame.Children.Count / 2 + 1);
                for (var i = 0; i < frame.Children.Count; i += 2)
                {
                    entries.Add(new YamlEntry(frame.Children[i], i + 1 < frame.Children.Count ? frame.Children[i + 1] : null));
                }

                var mapping = new YamlMapping(span, entries.ToImmutable(), frame.IsFlow, frame.Anchor, frame.Tag);
                var seen = new Dictionary<string, YamlEntry>(StringComparer.Ordinal);
                foreach (var entry in mapping.Entries)
                {
                    if (entry.KeyText is { } key && !entry.IsMergeKey)
                    {
                        if (seen.TryGetValue(key, out var first))
                        {
                            _duplicates.Add(new YamlDuplicateKey(mapping, first, entry));
                        }
                        else
                        {
                            seen[key] = entry;
                        }
                    }
                }

                node = mapping;
            }
            else
            {
                node = new YamlSequence(span, [.. frame.Children], frame.IsFlow, frame.Anchor, frame.Tag);
            }

            Add(node);
        }

        private void CloseAll(int offset)
        {
            while (_stack.Count > 0)
            {
                Close(offset);
            }
        }

        /// <summary>Adds a finished node to the open collection (or makes it the root).</summary>
        private void Add(YamlNode node)
        {
            node.Depth = _stack.Count;
            _nodes.Add(node);

            if (node.Anchor is not null)
            {
                _anchors[node.Anchor] = node;
            }

            if (_stack.Count == 0)
            {
                document.Root ??= node;
            }
            else
            {
                _stack.Peek().Children.Add(node);
            }
        }

        /// <summary>
        /// Expanded size per node: a node counts itself plus what its children expand to; an alias counts
        /// what its target expands to. Nodes arrive in completion order, so children and anchor targets are
        /// always sized before the nodes that use them: one forward pass, no recursion, no expansion.
        /// </summary>
        private static long CountExpanded(List<YamlNode> nodes)
        {
            var sizes = new Dictionary<YamlNode, long>(ReferenceEqualityComparer.Instance);
            YamlNode? last = null;
            foreach (var node in nodes)
            {
                long total = 1;
                switch (node)
                {
                    case YamlMapping m:
                        foreach (var entry in m.Entries)
                        {
                            total = Math.Min(ExpansionCap, total + SizeOf(entry.Key) + (entry.Value is null ? 0 : SizeOf(entry.Value)));
                        }

                        break;
                    case YamlSequence s:
                        foreach (var item in s.Items)
                        {
                            total = Math.Min(ExpansionCap, total + SizeOf(item));
                        }

                        break;
                    case YamlAlias a:
                        total = a.Target is null ? 1 : SizeOf(a.Target);
                        break;
                }

                sizes[node] = total;
                last = node;
            }

            return last is null ? 0 : sizes[last];

            long SizeOf(YamlNode node) => sizes.TryGetValue(node, out var size) ? size : 1;
        }

        /// <summary>
        /// Where an error is, from the marks YamlDotNet gives. Three of its habits would put the error on the
        /// wrong line: (1) some errors carry no position at all (an empty mark at the start of the file; the
        /// tab used as indentation is one), and then the scanner's cursor is where it stopped, on the culprit;
        /// (2) a scanner error runs from the start of the token being read (its context) to where the
        /// scanner stopped (the problem); when that crosses a line break after a plain scalar, the scalar was
        /// complete and the problem is the end, on a later line (a tab there), while after an opening quote
        /// the quote was most likely never closed, and the span keeps starting there; (3) a parser error at the end of the text sits after the final line break, on an
        /// empty last line, while what is missing (a closing bracket) belongs after the last written character.
        /// </summary>
        private TextSpan ErrorSpan(YamlException e, Mark cursor)
        {
            var positionless = e.Start.Equals(Mark.Empty) && e.End.Equals(Mark.Empty);
            var start = Offset(positionless ? cursor : e.Start);
            var end = positionless ? start : Math.Max(start, Offset(e.End));
            if (end > start && end < _text.Length && _text[start] is not ('"' or '\'') && _text.GetLineIndex(start) != _text.GetLineIndex(end))
            {
                start = end;
            }

            if (start == _text.Length && end == start)
            {
                while (start > 0 && char.IsWhiteSpace(_text[start - 1]))
                {
                    start--;
                }

                end = start;
            }

            if (end == start && start < _text.Length && _text[start] is not ('\r' or '\n'))
            {
                end = start + 1;
            }

            return TextSpan.FromBounds(start, end);
        }

        private TextSpan Span(ParsingEvent e)
        {
            var start = Offset(e.Start);
            return TextSpan.FromBounds(start, Math.Max(start, Offset(e.End)));
        }

        /// <summary>
        /// YamlDotNet's mark index counts the UTF-16 units it has read from the string, which is exactly our
        /// offset (it also counts the line breaks YAML knows and SourceText does not, such as U+2028, correctly).
        /// The 1-based line and column are the fallback when the index is out of range.
        /// </summary>
        private int Offset(Mark mark)
        {
            if (mark.Index >= 0 && mark.Index <= _text.Length && !(mark.Index == 0 && mark.Line > 1))
            {
                return (int)mark.Index;
            }

            return _text.GetOffset(new LinePosition((int)Math.Max(0, mark.Line - 1), (int)Math.Max(0, mark.Column - 1)));
        }

        private static string? AnchorOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

        private static string? TagOf(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;

        private static string CleanMessage(YamlException e)
        {
            var message = e.InnerException is not null && e.Message.StartsWith("(Line:", StringComparison.Ordinal) ? e.InnerException.Message : e.Message;
            var marker = message.IndexOf("): ", StringComparison.Ordinal);
            return marker >= 0 && message.StartsWith("(Line:", StringComparison.Ordinal) ? message[(marker + 3)..] : message;
        }

        private sealed class Frame(int start, bool isMapping, bool isFlow, string? anchor, string? tag)
        {
            public int Start { get; } = start;

            public bool IsMapping { get; } = isMapping;

            public bool IsFlow { get; } = isFlow;

            public string? Anchor { get; } = anchor;

            public string? Tag { get; } = tag;

            public List<YamlNode> Children { get; } = [];
        }
    }
}
