using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>
/// Parses one logical line the way pip reads it: join the physical lines (a trailing backslash
/// continues a line unless the line is a comment; pip strips backslashes from both ends of a continued
/// line), cut the comment (`#` at the start or after white space), strip, split requirement from options
/// at the first space-separated word starting with '-', shell-split and optparse the options (<see cref="OptionParser"/>), then read
/// the requirement (URL, path, or PEP 508 with the marker cut at the first ';'). Never throws.
/// </summary>
internal static partial class LineParser
{
    public static RequirementsLine Parse(string full) => Run(full, tokensOnly: false).Line!;

    /// <summary>The tokens of a line, by parsing it again (lines do not keep what building tokens needs).</summary>
    public static ImmutableArray<RequirementsToken> Tokenize(string full) => Run(full, tokensOnly: true).Tokens;

    private static (RequirementsLine? Line, ImmutableArray<RequirementsToken> Tokens) Run(string full, bool tokensOnly)
    {
        // The common case, one physical line that does not continue: pip reads it as it stands.
        var firstBreak = PythonText.FindBreak(full, 0, full.Length, out var firstBreakLength);
        var singleEnd = firstBreak < 0 ? full.Length : firstBreak;
        if (full.Length > 0 && (firstBreak < 0 || firstBreak + firstBreakLength == full.Length)
            && (singleEnd == 0 || full[singleEnd - 1] != '\\') && !PythonText.StartsWithComment(full, 0, singleEnd))
        {
            var single = singleEnd == full.Length ? full : full[..singleEnd];
            var identity = new ParseSink(null);
            var singleResult = ParseLogical(single, identity);
            return tokensOnly ? (null, BuildTokens(full, identity, NoStructure, singleEnd)) : (Build(full, single, identity, 1, singleResult), default);
        }

        var logical = new StringBuilder(full.Length);
        var map = new List<int>(full.Length + 1);
        var structural = new List<(RequirementsTokenKind Kind, int Start, int End)>();
        var physical = 0;
        var pos = 0;
        var lastMapped = 0;
        while (pos < full.Length || (physical == 0 && full.Length == 0))
        {
            physical++;
            var brk = PythonText.FindBreak(full, pos, full.Length, out var brkLen);
            var contentEnd = brk < 0 ? full.Length : brk;
            var end = brk < 0 ? full.Length : brk + brkLen;
            var isComment = PythonText.StartsWithComment(full, pos, contentEnd);
            var continues = contentEnd > pos && full[contentEnd - 1] == '\\' && !isComment;
            if (continues)
            {
                var a = pos;
                while (a < contentEnd && full[a] == '\\')
                {
                    a++;
                }

                var b = contentEnd;
                while (b > a && full[b - 1] == '\\')
                {
                    b--;
                }

                structural.Add((RequirementsTokenKind.Continuation, pos, a));
                structural.Add((RequirementsTokenKind.Continuation, b, contentEnd));
                Append(full, a, b, logical, map, ref lastMapped);
            }
            else
            {
                if (isComment)
                {
                    logical.Append(' ');
                    map.Add(pos);
                }

                Append(full, pos, contentEnd, logical, map, ref lastMapped);
            }

            structural.Add((RequirementsTokenKind.LineBreak, contentEnd, end));
            pos = end;
            if (full.Length == 0)
            {
                break;
            }
        }

        map.Add(lastMapped);
        var text = logical.ToString();
        var sink = new ParseSink(map.ToArray());
        var result = ParseLogical(text, sink);
        return tokensOnly ? (null, BuildTokens(full, sink, structural, full.Length)) : (Build(full, text, sink, physical, result), default);
    }

    private static readonly List<(RequirementsTokenKind Kind, int Start, int End)> NoStructure = [];

    private static void Append(string full, int start, int end, StringBuilder logical, List<int> map, ref int lastMapped)
    {
        logical.Append(full, start, end - start);
        for (var i = start; i < end; i++)
        {
            map.Add(i);
        }

        if (end > start)
        {
            lastMapped = end;
        }
    }

    private sealed record LogicalResult(
        RequirementsLineKind Kind,
        RequirementSyntax? Requirement,
        ImmutableArray<OptionSyntax> Options,
        SyntaxValue? Comment,
        SyntaxValue Content,
        ImmutableArray<SyntaxValue> EnvironmentVariables,
        ImmutableArray<SyntaxValue> Ignored);

    private static LogicalResult ParseLogical(string text, ParseSink sink)
    {
        // The comment: the first '#' at the start or after white space, with the white space before it.
        var cut = text.Length;
        SyntaxValue? comment = null;
        for (var j = 0; j < text.Length; j++)
        {
            if (text[j] == '#' && (j == 0 || PythonText.IsWhitespace(text[j - 1])))
            {
                comment = sink.Value(text, j, text.Length);
                sink.Token(RequirementsTokenKind.Comment, j, text.Length);
                cut = j;
                while (cut > 0 && PythonText.IsWhitespace(text[cut - 1]))
                {
                    cut--;
                }

                break;
            }
        }

        var cs = 0;
        var ce = cut;
        while (cs < ce && PythonText.IsWhitespace(text[cs]))
        {
            cs++;
        }

        while (ce > cs && PythonText.IsWhitespace(text[ce - 1]))
        {
            ce--;
        }

        var content = sink.Value(text, cs, ce);
        if (cs == ce)
        {
            return new LogicalResult(RequirementsLineKind.Empty, null, [], comment, content, [], []);
        }

        var envVars = ImmutableArray.CreateBuilder<SyntaxValue>(0);
        var hasEnv = text.AsSpan(cs, ce - cs).Contains("${", StringComparison.Ordinal);
        if (hasEnv)
        {
            foreach (Match m in EnvVarPattern().Matches(text[..ce], cs))
            {
                envVars.Add(sink.Value(text, m.Index, m.Index + m.Length));
            }
        }

        // pip splits at single spaces; the requirement is every word before the first that starts with '-'.
        var argsEnd = ce;
        var optionsStart = ce;
        var w = cs;
        while (w < ce)
        {
            var next = text.IndexOf(' ', w, ce - w);
            var wordEnd = next < 0 ? ce : next;
            if (wordEnd > w && text[w] == '-')
            {
                argsEnd = w == cs ? cs : w - 1;
                optionsStart = w;
                break;
            }

            w = wordEnd + 1;
        }

        var options = OptionParser.Parse(text, optionsStart, ce, sink, out var ignored, out var editable);
        RequirementSyntax? requirement = null;
        var kind = RequirementsLineKind.Options;
        if (argsEnd > cs)
        {
            kind = RequirementsLineKind.Requirement;
            requirement = ParseRequirement(text, cs, argsEnd, sink);
        }
        else if (editable is not null)
        {
            kind = RequirementsLineKind.Requirement;
            requirement = ParseEditable(editable, sink);
        }

        foreach (var env in envVars)
        {
            var start = sink.ToLogical(env.Span.Start);
            sink.Token(RequirementsTokenKind.EnvironmentVariable, start, start + env.Text.Length);
        }

        return new LogicalResult(kind, requirement, options, comment, content, envVars.ToImmutable(), ignored);
    }

    private static RequirementSyntax ParseRequirement(string text, int start, int end, ParseSink sink)
    {
        var args = text[start..end];
        var isUrl = PipUrls.IsUrl(args);
        var separator = isUrl ? "; " : ";";
        var sepIndex = args.IndexOf(separator, StringComparison.Ordinal);
        var nameEnd = sepIndex < 0 ? end : start + sepIndex;
        var ns = start;
        var ne = nameEnd;
        while (ns < ne && PythonText.IsWhitespace(text[ns]))
        {
            ns++;
        }

        while (ne > ns && PythonText.IsWhitespace(text[ne - 1]))
        {
            ne--;
        }

        // The marker is parsed first only for its own tokens; a name error still wins as pip's first error
        // because pip reads the marker before the name, so keep pip's order: marker, then name.
        SyntaxValue? markerText = null;
        MarkerNode? marker = null;
        if (sepIndex >= 0)
        {
            var semicolon = start + sepIndex;
            sink.Token(RequirementsTokenKind.Punctuation, semicolon, semicolon + 1);
            var ms = semicolon + separator.Length;
            var me = end;
            while (ms < me && PythonText.IsWhitespace(text[ms]))
            {
                ms++;
            }

            while (me > ms && PythonText.IsWhitespace(text[me - 1]))
            {
                me--;
            }

            if (me > ms)
            {
                markerText = sink.Value(text, ms, me);
                marker = MarkerParser.Parse(text, ms, me, sink);
            }
        }

        var name = text[ns..ne];
        var span = sink.SourceSpan(ns, end);
        if (PipUrls.IsUrl(name))
        {
            sink.Token(RequirementsTokenKind.Url, ns, ne);
            var location = sink.Value(text, ns, ne);
            if (PipUrls.GetScheme(name) == "file" && FileUrlHost(name) is { Length: > 0 } host && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                sink.Error(ns, ne, $"pip only installs file: URLs on this machine, not from host '{host}'; write file:///absolute/path");
            }

            var project = NameFromLink(name, location, isPath: false, sink, ns, ne);
            return new RequirementSyntax(RequirementForm.Url, span) { Location = location, Name = project, MarkerText = markerText, Marker = marker };
        }

        // pip takes extras off a path-like name before it checks for an archive.
        var pathPart = name.EndsWith(']') && ExtrasSuffix().Match(name) is { Success: true } ex ? name[..ex.Groups[2].Index] : name;
        if (PipUrls.HasArchiveExtension(pathPart.TrimEnd('/')))
        {
            var at = name.IndexOf('@');
            if (at < 0 || PipUrls.LooksLikePath(name[..at]))
            {
                sink.Token(RequirementsTokenKind.Path, ns, ne);
                var location = sink.Value(text, ns, ne);
                var project = NameFromLink(pathPart, location, isPath: true, sink, ns, ne);
                return new RequirementSyntax(RequirementForm.Path, span) { Location = location, Name = project, MarkerText = markerText, Marker = marker };
            }
        }
        else if (PipUrls.LooksLikePath(name) && !name.Contains('@') && name.AsSpan().IndexOfAny(SpecifierCharacters) < 0)
        {
            // A directory (pip installs it if it holds a project): whether it exists is for analysis to check.
            sink.Token(RequirementsTokenKind.Path, ns, ne);
            return new RequirementSyntax(RequirementForm.Path, span) { Location = sink.Value(text, ns, ne), MarkerText = markerText, Marker = marker };
        }

        var parser = Pep508Parser.Parse(text, ns, ne, sink);
        return new RequirementSyntax(RequirementForm.Named, span)
        {
            Name = parser.Name,
            Extras = parser.Extras,
            Specifiers = parser.Specifiers,
            Location = parser.Url,
            MarkerText = markerText,
            Marker = marker,
        };
    }

    /// <summary>The host part of a file: URL ("" for file:///path or file:/path).</summary>
    private static string FileUrlHost(string url)
    {
        var rest = url[(url.IndexOf(':') + 1)..];
        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var end = rest.IndexOfAny(['/', '?', '#'], 2);
        return end < 0 ? rest[2..] : rest[2..end];
    }

    /// <summary>The project a URL or path names: from a wheel file name, else from `#egg=`; both must make a valid requirement.</summary>
    private static SyntaxValue? NameFromLink(string link, SyntaxValue location, bool isPath, ParseSink sink, int start, int end)
    {
        var fileName = PipUrls.FileName(link);
        if (fileName.EndsWith(".whl", StringComparison.Ordinal) && fileName.Length > 4)
        {
            var wheel = PipUrls.ParseWheelFileName(fileName);
            if (wheel is null)
            {
                sink.Error(start, end, $"'{fileName}' is not a valid wheel file name (name-version-pythontag-abitag-platformtag.whl)");
                return null;
            }

            if (!Pep440.PackageName.IsValid(wheel.Value.Name) || !Pep440.Pep440Version.TryParse(wheel.Value.Version, out _))
            {
                sink.Error(start, end, $"the wheel file name '{fileName}' does not hold a valid project name and version");
                return null;
            }

            return new SyntaxValue(wheel.Value.Name, location.Span);
        }

        if (isPath)
        {
            return null;
        }

        var egg = PipUrls.EggFragment(link);
        if (egg is null)
        {
            return null;
        }

        var name = CheckEgg(egg, sink, start, end, RequirementsErrorKind.Requirement);
        return name is null ? null : new SyntaxValue(name, location.Span);
    }

    /// <summary>pip reads an `#egg=` value as a whole PEP 508 requirement (a marker included); returns its name.</summary>
    private static string? CheckEgg(string egg, ParseSink sink, int start, int end, RequirementsErrorKind kind)
    {
        var probe = new ParseSink(Enumerable.Range(0, egg.Length + 1).ToArray());
        var semicolon = egg.IndexOf(';');
        var parser = Pep508Parser.Parse(egg, 0, semicolon < 0 ? egg.Length : semicolon, probe);
        if (!probe.HasError && semicolon >= 0)
        {
            var ms = semicolon + 1;
            while (ms < egg.Length && egg[ms] is ' ' or '\t')
            {
                ms++;
            }

            var me = egg.Length;
            while (me > ms && egg[me - 1] is ' ' or '\t')
            {
                me--;
            }

            if (me == ms)
            {
                probe.Error(ms, ms, "a marker must follow ';'", RequirementsErrorKind.Marker);
            }
            else
            {
                MarkerParser.Parse(egg, ms, me, probe);
            }
        }

        if (probe.HasError)
        {
            sink.Error(start, end, $"'#egg={egg}' does not name a valid project: {probe.Errors[0].Message}", kind);
            return null;
        }

        return parser.Name?.Text;
    }

    private static RequirementSyntax ParseEditable(SyntaxValue value, ParseSink sink)
    {
        var target = value.Text;
        var start = sink.ToLogical(value.Span.Start);
        var end = sink.ToLogical(value.Span.End - 1) + 1;
        if (start < 0 || end <= start)
        {
            start = 0;
            end = 0;
        }

        var noExtras = ExtrasSuffix().Match(target) is { Success: true } ex ? target[..ex.Groups[2].Index] : target;
        var requirement = new RequirementSyntax(RequirementForm.Editable, value.Span) { Location = value };
        if (noExtras.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return requirement;
        }

        var url = target;
        foreach (var vcs in (ReadOnlySpan<string>)["git", "hg", "svn", "bzr"])
        {
            if (url.StartsWith(vcs + ":", StringComparison.OrdinalIgnoreCase))
            {
                url = vcs + "+" + url;
                break;
            }
        }

        if (PipUrls.IsVcsUrl(url))
        {
            var egg = PipUrls.EggFragment(url);
            if (string.IsNullOrEmpty(egg))
            {
                sink.Error(start, end, "pip needs the project name of an editable VCS URL: add #egg=<name>", RequirementsErrorKind.Editable);
                return requirement;
            }

            var eggName = CheckEgg(egg, sink, start, end, RequirementsErrorKind.Editable);
            return eggName is null ? requirement : requirement with { Name = new SyntaxValue(eggName, value.Span) };
        }

        var colon = noExtras.IndexOf(':');
        var hasScheme = colon > 1 && colon < (noExtras.IndexOf('/') is var slash && slash >= 0 ? slash : int.MaxValue);
        if (PipUrls.IsUrl(url) || hasScheme || !PipUrls.LooksLikePath(noExtras))
        {
            sink.Error(start, end, $"'{target}' is not a valid editable requirement: use a local project directory or a VCS URL (git+https://…)", RequirementsErrorKind.Editable);
        }

        return requirement;
    }

    private static ImmutableArray<RequirementsToken> BuildTokens(
        string full,
        ParseSink sink,
        List<(RequirementsTokenKind Kind, int Start, int End)> structural,
        int finalBreakStart)
    {
        // Every character gets an owner token: structural ones first, then semantic ones (later wins),
        // then runs of unowned characters become whitespace or text. This partition is what makes the
        // tree lossless by construction.
        Span<int> owner = full.Length <= 512 ? stackalloc int[full.Length] : new int[full.Length];
        owner.Clear();
        var kindCount = structural.Count + sink.Tokens.Count + 2;
        Span<RequirementsTokenKind> kinds = kindCount <= 128 ? stackalloc RequirementsTokenKind[kindCount] : new RequirementsTokenKind[kindCount];
        var next = 1;
        if (finalBreakStart < full.Length)
        {
            kinds[next] = RequirementsTokenKind.LineBreak;
            owner[finalBreakStart..].Fill(next++);
        }

        foreach (var (kind, start, end) in structural)
        {
            if (end > start)
            {
                kinds[next] = kind;
                owner[start..end].Fill(next++);
            }
        }

        foreach (var (kind, ls, le) in sink.Tokens)
        {
            var span = sink.SourceSpan(ls, le);
            if (span.Length > 0 && span.End <= full.Length)
            {
                kinds[next] = kind;
                owner.Slice(span.Start, span.Length).Fill(next++);
            }
        }

        var tokens = new List<RequirementsToken>(next + 2);
        var i = 0;
        while (i < full.Length)
        {
            var id = owner[i];
            var j = i + 1;
            if (id != 0)
            {
                while (j < full.Length && owner[j] == id)
                {
                    j++;
                }

                tokens.Add(new RequirementsToken(kinds[id], TextSpan.FromBounds(i, j)));
            }
            else
            {
                var ws = PythonText.IsWhitespace(full[i]);
                while (j < full.Length && owner[j] == 0 && PythonText.IsWhitespace(full[j]) == ws)
                {
                    j++;
                }

                tokens.Add(new RequirementsToken(ws ? RequirementsTokenKind.Whitespace : RequirementsTokenKind.Text, TextSpan.FromBounds(i, j)));
            }

            i = j;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(tokens.ToArray());
    }

    private static RequirementsLine Build(
        string full,
        string logical,
        ParseSink sink,
        int physicalLines,
        LogicalResult result)
    {        var errors = ImmutableArray<RequirementsSyntaxError>.Empty;
        foreach (var (start, end, message, kind) in sink.Errors)
        {
            var s = Math.Clamp(start, 0, logical.Length);
            var e = Math.Clamp(end, s, logical.Length);
            errors = errors.Add(new RequirementsSyntaxError(sink.SourceSpan(s, e), message, kind));
        }

        return new RequirementsLine(full, result.Kind, errors, result.Requirement, result.Options, result.Comment, result.Content, result.EnvironmentVariables, result.Ignored, physicalLines);
    }

    [GeneratedRegex(@"\$\{[A-Z0-9_]+\}")]
    private static partial Regex EnvVarPattern();

    [GeneratedRegex(@"^(.+)(\[[^\]]+\])$")]
    private static partial Regex ExtrasSuffix();

    private static readonly System.Buffers.SearchValues<char> SpecifierCharacters = System.Buffers.SearchValues.Create("<>=!~;[]() ");
}
