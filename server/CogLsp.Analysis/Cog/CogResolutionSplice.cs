using System.Collections.Immutable;
using CogLsp.Analysis.Projects;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// Keeps typing in a long requirements file cheap: the resolution of the edited text is derived from
/// the resolution of the text before the edit when the edit cannot have changed anything Cog decides
/// for the file as a whole.
/// <para>
/// Cog reads the file as a sequence of lines that restart after every physical line that is not empty
/// and does not end in `\`. The region re-read is the edit widened to such restart points on both
/// sides. When every line Cog reads in that region, before and after the edit, is "plain" (no option,
/// no local path, no torch/tensorflow/cog in it), the lines outside the region resolve exactly as
/// before: CUDA, cuDNN, base image, Cog's warnings and error are unchanged, and the only findings
/// that change are those of the region's lines, which depend on nothing but those lines. Everything
/// after the region moves by the edit's length and line count. Anything else is resolved in full.
/// </para>
/// </summary>
internal static class CogResolutionSplice
{
    /// <summary>Words whose presence in a line may make it matter to the whole resolution.</summary>
    private static readonly string[] GlobalWords = [.. CogPackages.Frameworks, .. CogPackages.Managed];

    /// <summary>
    /// The resolution of <paramref name="text"/>, given <paramref name="previous"/>, the resolution of
    /// <paramref name="previousSource"/> with the same config, platform and table; null when the edit
    /// between the two texts needs a full resolution.
    /// </summary>
    public static CogResolution? TrySplice(CogResolution previous, SourceText previousSource, SourceText text, CogBuildConfig config, string os, string arch, CompatibilityTable table)
    {
        var previousText = previousSource;
        var newText = text;
        if (previous.FromPythonPackages || string.IsNullOrEmpty(config.PythonRequirements))
        {
            return null;
        }

        var prefix = newText.CommonPrefixLength(previousText);
        if (prefix == previousText.Length && prefix == newText.Length)
        {
            return previous;
        }

        var maxSuffix = Math.Min(previousText.Length, newText.Length) - prefix;
        var suffix = Math.Min(maxSuffix, newText.CommonSuffixLength(previousText));
        var shift = newText.Length - previousText.Length;

        // Widen to where Cog's reader restarts: after a physical line that is neither empty nor continued.
        var start = prefix == 0 ? 0 : newText.LastIndexOf('\n', prefix - 1) + 1;
        while (start > 0)
        {
            var lineStart = start >= 2 ? newText.LastIndexOf('\n', start - 2) + 1 : 0;
            if (!EmptyOrContinued(newText, lineStart, start - 1))
            {
                break;
            }

            start = lineStart;
        }

        var end = LineEndAfter(newText, newText.Length - suffix);
        while (end < newText.Length && (EndsEmptyOrContinued(newText, end) || EndsEmptyOrContinued(previousText, end - shift)))
        {
            end = LineEndAfter(newText, end);
        }

        var oldEnd = end - shift;
        if (oldEnd < start || oldEnd > previousText.Length)
        {
            return null;
        }

        var oldRegion = CogLineFindings.ForRegion(config, SourceText.From(previousText.ToString(TextSpan.FromBounds(start, oldEnd))));
        var newRegion = CogLineFindings.ForRegion(config, SourceText.From(newText.ToString(TextSpan.FromBounds(start, end))));
        if (!IsPlain(oldRegion.Read) || !IsPlain(newRegion.Read))
        {
            return null;
        }

        // Findings: those before the region stay, the region's are replaced, those after it move.
        var lineBase = text.GetLineIndex(start);
        // The region starts and ends at line starts (or the end), so its line breaks are told by the line maps.
        var lineShift = text.GetLineIndex(end) - previousSource.GetLineIndex(oldEnd);
        var findings = ImmutableArray.CreateBuilder<CogFinding>(previous.Findings.Length + newRegion.Findings.Length);
        var i = 0;
        for (; i < previous.Findings.Length && previous.Findings[i].Span.Start < start; i++)
        {
            findings.Add(previous.Findings[i]);
        }

        foreach (var finding in newRegion.Findings)
        {
            findings.Add(finding with { Line = finding.Line + lineBase, Span = new TextSpan(finding.Span.Start + start, finding.Span.Length) });
        }

        for (; i < previous.Findings.Length; i++)
        {
            var finding = previous.Findings[i];
            if (finding.Span.Start >= oldEnd)
            {
                findings.Add(finding with { Line = finding.Line + lineShift, Span = new TextSpan(finding.Span.Start + shift, finding.Span.Length) });
            }
        }

        // Cog's own line numbers (physical lines split at "\n") of the lines outside the region.
        var cogLineEnd = previousText.CountLineFeeds(new TextSpan(0, oldEnd));
        var cogLineShift = newText.CountLineFeeds(TextSpan.FromBounds(start, end)) - previousText.CountLineFeeds(TextSpan.FromBounds(start, oldEnd));
        int Move(int line) => line >= cogLineEnd ? line + cogLineShift : line;

        var spliced = previous with
        {
            Findings = findings.ToImmutable(),
            ErrorLine = previous.ErrorLine < 0 ? previous.ErrorLine : Move(previous.ErrorLine),
            CudaSourceLine = previous.CudaSourceLine < 0 ? previous.CudaSourceLine : Move(previous.CudaSourceLine),
            Warnings = [.. previous.Warnings.Select(w => w.LineIndex < 0 ? w : w with { LineIndex = Move(w.LineIndex) })],
        };
        return spliced.WithDetailsFrom(() => CogResolver.ResolveText(config, text, os, arch, table));
    }

    /// <summary>True when every line Cog read in a region resolves on its own, whatever the rest of the file holds.</summary>
    private static bool IsPlain(CogRequirementsReader.Result? read)
    {
        if (read is null || read.Error is not null)
        {
            return false;
        }

        foreach (var line in read.Lines)
        {
            var raw = line.TextBeforeCommentCut;
            if (raw.StartsWith('-') || line.Text.StartsWith('-') || CogRequirementSyntax.IsLocalArtifactOrRefused(line.Text)
                || GlobalWords.Any(w => raw.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            var (_, isArtifact, error) = CogRequirementSyntax.ParseLocalArtifact(line.Text);
            if (isArtifact || error is not null)
            {
                return false;
            }

            if (CogRequirementSyntax.SplitPinned(line.Text) is { } pinned && (pinned.ExtraIndexUrls.Length > 0 || pinned.FindLinks.Length > 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the physical line [<paramref name="from"/>, <paramref name="to"/>) (its "\n" excluded) is empty or ends in `\`, as Cog's reader sees it.</summary>
    private static bool EmptyOrContinued(SourceText text, int from, int to)
    {
        if (to > from && text[to - 1] == '\r')
        {
            to--;
        }

        return to <= from || text[to - 1] == '\\';
    }

    /// <summary>Whether the physical line that ends with the "\n" just before <paramref name="end"/> is empty or continued.</summary>
    private static bool EndsEmptyOrContinued(SourceText text, int end)
    {
        var lineStart = end >= 2 ? text.LastIndexOf('\n', end - 2) + 1 : 0;
        return EmptyOrContinued(text, lineStart, end - 1);
    }

    /// <summary>The offset just past the first "\n" at or after <paramref name="offset"/>, or the end of the text.</summary>
    private static int LineEndAfter(SourceText text, int offset)
    {
        var newline = offset < text.Length ? text.IndexOf('\n', offset) : -1;
        return newline < 0 ? text.Length : newline + 1;
    }
}
