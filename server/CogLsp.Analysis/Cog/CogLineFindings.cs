using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Projects;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// The findings about single lines that come from how Cog reads the file (its reader joins `\`
/// continuations, cuts at '#', drops `-e .`) and what its parser makes of each line (names, pins,
/// options), independent of what Cog resolves. A line's findings depend only on that line, the
/// config's gpu flag, whether a file is used, and (for a companion pin) which other lines pin torch or
/// torchvision, so a region of a file can be checked on its own (<see cref="CogResolutionSplice"/>).
/// </summary>
internal sealed class CogLineFindings(CogBuildConfig config, CogRequirementsReader.Result? read, ImmutableArray<CogLogicalLine> input, SourceText? source, CogFindingList findings)
{
    private readonly bool _usesFile = !string.IsNullOrEmpty(config.PythonRequirements);

    /// <summary>The line findings of a region of a requirements file, read on its own, sorted; with what Cog read there.</summary>
    public static (ImmutableArray<CogFinding> Findings, CogRequirementsReader.Result Read) ForRegion(CogBuildConfig config, SourceText region)
    {
        var read = CogRequirementsReader.Read(region.Text);
        var findings = new CogFindingList(region);
        new CogLineFindings(config, read, read.Lines, region, findings).AddAll();
        return (findings.Sorted(), read);
    }

    /// <summary>Adds the reader's findings, then each line's parser findings.</summary>
    public void AddAll()
    {
        AddReaderFindings();
        foreach (var line in input)
        {
            AddParserFindings(line);
        }
    }

    private void AddReaderFindings()
    {
        if (read is null || source is null)
        {
            return;
        }

        foreach (var (_, _, span) in read.CommentContinuations)
        {
            if (span.Length > 0 && !string.IsNullOrWhiteSpace(source.ToString(span)))
            {
                findings.AddAt(CogFindingKind.CommentContinuationSwallowsLine, DiagnosticSeverity.Warning, span,
                    "Cog joins this line to the comment above (it ends in `\\`) and ignores it; pip does not continue comments and installs it. Remove the trailing `\\` from the comment.", null);
            }
        }

        foreach (var editable in read.EditableSelfLines)
        {
            findings.AddAt(CogFindingKind.EditableSelf, DiagnosticSeverity.Information, editable.TextSpan,
                "Cog removes `-e .` from the requirements it installs (the project is copied into the image instead).", null);
        }

        foreach (var line in read.Lines)
        {
            if (line.CommentIndex > 0 && !char.IsWhiteSpace(line.TextBeforeCommentCut[line.CommentIndex - 1]))
            {
                var cut = line.TextBeforeCommentCut[line.CommentIndex..];
                var span = line.SourceSpan(line.CommentIndex, cut.Length);
                string? fix = null;
                var message = $"Cog cuts this line at '#' and installs `{line.Text}`; pip keeps `{cut}` (a comment needs a space before '#').";
                if (cut.StartsWith("#egg=", StringComparison.Ordinal) && cut.Length > 5)
                {
                    fix = cut[5..].Split('&')[0] + " @ " + line.Text;
                    message += $" Write `{fix}` instead.";
                }

                findings.AddAt(CogFindingKind.HashCutsLine, DiagnosticSeverity.Warning, fix is null ? span : line.SourceSpan(0, line.TextBeforeCommentCut.Length), message, fix);
            }

            if (line.Text == "-e ." || (line.Text.StartsWith("-e", StringComparison.Ordinal) && line.Text[2..].Trim() == "."))
            {
                findings.AddAt(CogFindingKind.EditableSelf, DiagnosticSeverity.Warning, line.SourceSpan(0, line.TextBeforeCommentCut.Length),
                    "Cog keeps this `-e .` (it removes only a bare `-e .` without a comment), so pip in the image tries to install the directory it runs in. Remove the comment or the line.", "-e .");
            }
        }
    }

    private void AddParserFindings(CogLogicalLine line)
    {
        var text = line.Text;
        if (CogRequirementSyntax.IsLocalArtifactOrRefused(text))
        {
            var (_, _, error) = CogRequirementSyntax.ParseLocalArtifact(text);
            if (error is not null && _usesFile)
            {
                findings.Add(CogFindingKind.LocalRequirementRefused, DiagnosticSeverity.Error, line, 0, text.Length, "Cog refuses this line: " + error);
            }

            return;
        }

        if (text.StartsWith("-c", StringComparison.Ordinal) || text.StartsWith("--constraint", StringComparison.Ordinal))
        {
            var value = text.StartsWith("--constraint", StringComparison.Ordinal) ? text[12..].TrimStart('=', ' ', '\t') : text[2..].Trim();
            if (value.Length > 0 && !CogRequirementSyntax.IsRemoteRequirement(value))
            {
                findings.Add(CogFindingKind.ConstraintFileNotShipped, DiagnosticSeverity.Error, line, 0, text.Length,
                    $"Cog passes this line on but copies only the requirements it generates into the image, so pip cannot open `{value}` there. Put the constraints into this file as pins.");
            }

            return;
        }

        var name = CogRequirementSyntax.PackageName(text);
        var bareName = name.Split('[')[0];
        var lower = bareName.ToLowerInvariant();
        var pinned = CogRequirementSyntax.SplitPinned(text);

        if (CogPackages.IsFramework(lower) && bareName != lower)
        {
            findings.Add(CogFindingKind.CaseSensitiveName, DiagnosticSeverity.Warning, line, 0, bareName.Length,
                $"Cog matches `{lower}` case-sensitively: `{bareName}` is not rewritten to a CUDA/CPU build and does not decide CUDA. Write `{lower}`.", lower);
        }
        else if (CogPackages.IsFramework(bareName) && name.Length > bareName.Length && text.Contains("==", StringComparison.Ordinal))
        {
            findings.Add(CogFindingKind.ExtrasDisableRewrite, DiagnosticSeverity.Warning, line, 0, name.Length,
                $"Cog does not recognise `{name}` as {bareName}: with extras the pin is not rewritten to a CUDA/CPU build and does not decide CUDA.");
        }
        else if (CogPackages.IsFramework(bareName) && name == bareName && pinned is null)
        {
            var versions = CogRequirementSyntax.Versions(text);
            var rest = text[name.Length..].TrimStart();
            if (versions.Length > 0 && rest.StartsWith("==", StringComparison.Ordinal) && !rest.Contains(',', StringComparison.Ordinal) && !rest.StartsWith("===", StringComparison.Ordinal))
            {
                var fix = name + "==" + rest[2..].Trim();
                findings.Add(CogFindingKind.SpacedPinNotRewritten, DiagnosticSeverity.Warning, line, 0, text.Length,
                    $"Cog rewrites only `{name}==VERSION` written without spaces: this pin is installed from PyPI as written, yet Cog still reads {versions[0]} from it{(bareName == "tensorflow" ? string.Empty : " to choose CUDA")}. Write `{fix}`.", fix);
            }
            else if (versions.Length > 0)
            {
                var (start, length) = CogRequirementSyntax.FirstVersionSpan(text);
                findings.Add(CogFindingKind.RangeNotRewritten, DiagnosticSeverity.Warning, line, Math.Max(0, start), length,
                    $"Cog rewrites only exact `{name}==VERSION` pins: `{text}` is resolved by pip from PyPI, but Cog reads `{versions[0]}`, the first version in the line, as if it were the pin{(config.Gpu && bareName != "torchvision" ? " and chooses CUDA from it" : string.Empty)}.");
            }
        }

        if (pinned is null)
        {
            if (CogPackages.IsFramework(name) && CogRequirementSyntax.Versions(text).Length == 0)
            {
                var companion = name == "torch" ? "torchvision" : name == "torchvision" ? "torch" : null;
                if (companion is not null && input.Any(l => CogRequirementSyntax.SplitPinned(l.Text)?.Name == companion))
                {
                    findings.Add(CogFindingKind.CompanionPinMismatch, DiagnosticSeverity.Warning, line, 0, text.Length,
                        $"{name} is not pinned while {companion} is: Cog rewrites only the pinned one, and pip may pick a {name} that does not match it. Pin {name} to the matching release.");
                }
            }

            return;
        }

        var rebuilt = pinned.Name + "==" + pinned.Version;
        if (pinned.NameStart > 0 && text[pinned.NameStart - 1] == '.' && name.Length > 0 && name.Split('[')[0].EndsWith("." + pinned.Name, StringComparison.Ordinal))
        {
            var fix = name.Split('[')[0].Replace('.', '-');
            findings.Add(CogFindingKind.DottedNameTruncated, DiagnosticSeverity.Warning, line, 0, pinned.NameStart + pinned.Name.Length,
                $"Cog reads this as `{rebuilt}` and writes that line: its parser drops everything up to the last '.' of the name, so pip installs the package `{pinned.Name}`. Write `{fix}` (the same project for pip, with '-' for '.').", fix);
        }
        else if (pinned.ExtraIndexUrls.Length == 0 && pinned.FindLinks.Length == 0)
        {
            var end = pinned.VersionStart + pinned.Version.Length;
            var dropped = text[end..].Trim();
            if (dropped.Length > 0 || pinned.NameStart > 0)
            {
                var start = dropped.Length > 0 ? end : 0;
                var length = dropped.Length > 0 ? text.Length - end : pinned.NameStart;
                var droppedText = dropped.Length > 0 ? dropped : text[..pinned.NameStart].Trim();
                var isIndex = CogPackages.IndexOptions.Any(o => !CogPackages.IsFindLinks(o) && (o.StartsWith("--", StringComparison.Ordinal) ? droppedText.Contains(o, StringComparison.Ordinal) : droppedText.StartsWith(o, StringComparison.Ordinal)));
                findings.Add(isIndex ? CogFindingKind.IndexOptionChangesRewrite : CogFindingKind.PinRebuiltDropsParts, DiagnosticSeverity.Warning, line, start, length,
                    isIndex
                        ? $"Cog rebuilds this line as `{rebuilt}` and drops `{droppedText}`: its parser only sees `--extra-index-url=URL` (with '='). Write the option with '=' or on its own line."
                        : $"Cog rebuilds this line as `{rebuilt}` and drops `{droppedText}` (its parser keeps only name==version): the marker, hash or option does not reach pip.");
            }
        }
        else if (CogPackages.IsFramework(pinned.Name) && pinned.ExtraIndexUrls.Length > 0)
        {
            findings.Add(CogFindingKind.IndexOptionChangesRewrite, DiagnosticSeverity.Information, line, 0, text.Length,
                $"This line names its own index, so Cog does not choose a {pinned.Name} build: it writes `{rebuilt}` and moves `--extra-index-url {pinned.ExtraIndexUrls[0]}` to the top.");
        }
    }
}
