using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Indexes;
using CogLsp.Analysis.Requirements;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;
using CogLsp.Syntax.Text;

namespace CogLsp.Server.Conversion;

/// <summary>Converts between Analysis values (UTF-16 offsets, plain records) and LSP values, in the negotiated position encoding.</summary>
public readonly struct LspConverter(PositionEncoding encoding, DocumentUris uris)
{
    private readonly DocumentUris _uris = uris;

    public PositionEncoding Encoding { get; } = encoding;

    public Position ToPosition(SourceText text, int offset)
    {
        var p = text.GetLinePosition(offset, Encoding);
        return new Position(p.Line, p.Character);
    }

    public Protocol.Range ToRange(SourceText text, TextSpan span) => new(ToPosition(text, span.Start), ToPosition(text, span.End));

    public int ToOffset(SourceText text, Position position) => text.GetOffset(new LinePosition(position.Line, position.Character), Encoding);

    public TextSpan ToSpan(SourceText text, Protocol.Range range) => text.GetSpan(
        new LinePositionSpan(new LinePosition(range.Start.Line, range.Start.Character), new LinePosition(range.End.Line, range.End.Character)), Encoding);

    // LSP's DiagnosticTag values: 1 Unnecessary, 2 Deprecated (shared arrays: a diagnostic's tags are never changed).
    private static readonly int[] UnnecessaryTag = [1];
    private static readonly int[] DeprecatedTag = [2];
    private static readonly int[] BothTags = [1, 2];

    public Protocol.Diagnostic ToDiagnostic(SourceText text, Analysis.Diagnostics.Diagnostic diagnostic, Func<string, SourceText?> textOf)
    {
        var tags = (diagnostic.Tags & (DiagnosticTags.Unnecessary | DiagnosticTags.Deprecated)) switch
        {
            DiagnosticTags.Unnecessary => UnnecessaryTag,
            DiagnosticTags.Deprecated => DeprecatedTag,
            DiagnosticTags.Unnecessary | DiagnosticTags.Deprecated => BothTags,
            _ => null,
        };

        var converter = this;
        var related = diagnostic.Related.IsDefaultOrEmpty
            ? null
            : diagnostic.Related.Select(r =>
            {
                var relatedText = textOf(r.Path) ?? text;
                return new DiagnosticRelatedInformation(new Location(converter.ToUri(r.Path), converter.ToRange(relatedText, r.Span)), r.Message);
            }).ToArray();

        return new Protocol.Diagnostic(ToRange(text, diagnostic.Span), (int)diagnostic.Severity, diagnostic.Id, "cog-lsp", diagnostic.Message)
        {
            CodeDescription = new CodeDescription(diagnostic.Descriptor.HelpUri),
            Tags = tags,
            RelatedInformation = related,
            Data = ToData(diagnostic.Data),
        };
    }

    /// <summary>Analysis fix data in the one shape the protocol writes (see <see cref="Protocol.DiagnosticData"/>).</summary>
    public static Protocol.DiagnosticData? ToData(Analysis.Diagnostics.DiagnosticData? data) => data switch
    {
        null => null,
        PinFixData pin => new() { Name = pin.Name, NormalizedName = pin.NormalizedName, Specifier = pin.Specifier, Replace = new OffsetSpan(pin.Replace.Start, pin.Replace.Length) },
        RemoveLineData remove => new() { Line = new OffsetSpan(remove.Line.Start, remove.Line.Length) },
        ReplacementData replacement => new() { Text = replacement.Text },
        SuggestedCudaData cuda => new() { Cuda = cuda.Cuda },
        VersionChoiceData choice => new() { Replace = new OffsetSpan(choice.Replace.Start, choice.Replace.Length), Versions = [.. choice.Versions] },
        _ => throw new NotSupportedException($"No protocol shape for fix data {data.GetType().Name}"),
    };

    public TextEdit ToTextEdit(SourceText text, TextChange change) => new(ToRange(text, change.Span), change.NewText);

    public string ToUri(string path) => _uris.ToUri(path);
}
