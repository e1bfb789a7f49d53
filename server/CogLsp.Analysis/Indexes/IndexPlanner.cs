using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CogLsp.Syntax.Requirements;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// Which sources pip consults for a requirements file, combined the way pip's req_file.handle_option_line
/// does it while it reads the file (and its -r/-c includes, at the point they are included):
/// <list type="bullet">
/// <item>the start is the default index (<see cref="IndexSettings.DefaultIndexUrl"/>);</item>
/// <item>`--no-index` empties the index list for good (later -i/--extra-index-url are ignored);</item>
/// <item>`-i/--index-url` replaces the whole list, extra indexes read so far included;</item>
/// <item>`--extra-index-url` appends; `-f/--find-links` appends (only the first one on a line, as pip);</item>
/// <item>`--pre` and `--prefer-binary` turn on for every requirement;</item>
/// <item>`--no-binary`/`--only-binary` combine as pip's FormatControl (<see cref="FormatControl"/>). pip applies
/// them while it parses a line, so they count on every line, a requirement line or an include line too;</item>
/// <item>other options on a requirement line are ignored for these purposes (pip keeps only per-requirement options there).</item>
/// </list>
/// pip reads every option line before it resolves anything, so the result holds for every requirement of the
/// install. `${NAME}` is replaced when the environment has a non-empty NAME, as pip does.
/// Cog's additions are already lines of the file Cog generates (<see cref="Cog.CogResolution.RequirementLines"/>):
/// plan that file, and URLs under the PyTorch base are re-rooted on <see cref="IndexSettings.PyTorchBaseUrl"/>.
/// </summary>
public static partial class IndexPlanner
{
    /// <summary>pip stops on a deeper nesting (recursion) long before this; the cap keeps a cycle finite.</summary>
    private const int MaxIncludeDepth = 32;

    /// <summary>
    /// Plans lines given as text, e.g. Cog's generated requirements file (its index lines are Cog's additions
    /// and the python_packages items' options). <paramref name="readInclude"/> gives the lines of a `-r`/`-c`
    /// file by the path as written (null: unknown, skipped); their options count where pip reads them.
    /// </summary>
    public static IndexPlan Plan(IEnumerable<string> lines, IndexSettings settings, Func<string, string?>? environment = null, Func<string, IEnumerable<string>?>? readInclude = null, Func<string, string>? localPath = null) =>
        Plan(lines.Select(RequirementsLine.Parse), settings, environment, readInclude is null ? null : path => readInclude(path)?.Select(RequirementsLine.Parse), localPath);

    /// <summary>
    /// Plans parsed lines, in pip's reading order. <paramref name="localPath"/> turns a find-links path as
    /// written into the path to read (pip reads a relative one against the requirements file's directory);
    /// without it, pip does not run on this machine, and local sources (paths, `file:` URLs) cannot be read.
    /// </summary>
    public static IndexPlan Plan(IEnumerable<RequirementsLine> lines, IndexSettings settings, Func<string, string?>? environment = null, Func<string, IEnumerable<RequirementsLine>?>? readInclude = null, Func<string, string>? localPath = null)
    {
        var state = new State([settings.DefaultIndexUrl]);
        Read(lines, state, environment, readInclude, 0);
        var sources = ImmutableArray.CreateBuilder<IndexSource>();
        var unreadable = ImmutableArray.CreateBuilder<string>();
        Add(state.FindLinks, IndexSourceKind.FindLinks, settings, sources, unreadable, localPath);
        Add(state.Indexes, IndexSourceKind.Simple, settings, sources, unreadable, localPath);
        return new IndexPlan(sources.ToImmutable(), state.Pre, state.NoIndex, unreadable.ToImmutable()) { Formats = state.Formats, PreferBinary = state.PreferBinary };
    }

    private sealed class State(List<string> indexes)
    {
        public List<string> Indexes { get; set; } = indexes;

        public List<string> FindLinks { get; } = [];

        public bool NoIndex { get; set; }

        public bool Pre { get; set; }

        public bool PreferBinary { get; set; }

        public FormatControl Formats { get; set; } = FormatControl.None;
    }

    private static void Read(IEnumerable<RequirementsLine> lines, State state, Func<string, string?>? environment, Func<string, IEnumerable<RequirementsLine>?>? readInclude, int depth)
    {
        foreach (var line in lines)
        {
            // pip's option callbacks for --no-binary/--only-binary change the finder as the line is parsed,
            // whatever the line is (pip 23's req_file passes the finder's FormatControl as the parser default).
            foreach (var option in line.Options)
            {
                if (option.Value is { } value && !value.Text.StartsWith('-'))
                {
                    if (option.Option == RequirementsOption.NoBinary)
                    {
                        state.Formats = state.Formats.WithNoBinary(Expand(value.Text, environment));
                    }
                    else if (option.Option == RequirementsOption.OnlyBinary)
                    {
                        state.Formats = state.Formats.WithOnlyBinary(Expand(value.Text, environment));
                    }
                }
            }

            if (line.Kind != RequirementsLineKind.Options)
            {
                continue;
            }

            // An include is read where it stands (pip parses it recursively before the next line).
            var include = line.Options.FirstOrDefault(o => o.Option == RequirementsOption.Requirement || o.Option == RequirementsOption.Constraint);
            if (include?.Value is not null)
            {
                if (readInclude is not null && depth < MaxIncludeDepth && readInclude(Expand(include.Value.Text, environment)) is { } included)
                {
                    Read(included, state, environment, readInclude, depth + 1);
                }

                continue;
            }

            // pip applies one line's options in this order, whatever order they are written in.
            var options = line.Options.Where(o => o.Option is not null).ToList();
            if (options.Any(o => o.Option == RequirementsOption.NoIndex))
            {
                state.NoIndex = true;
                state.Indexes.Clear();
            }

            // optparse keeps the last -i of a line.
            var indexUrl = options.LastOrDefault(o => o.Option == RequirementsOption.IndexUrl && o.Value is not null);
            if (indexUrl is not null && !state.NoIndex)
            {
                state.Indexes = [Expand(indexUrl.Value!.Text, environment)];
            }

            if (!state.NoIndex)
            {
                state.Indexes.AddRange(options.Where(o => o.Option == RequirementsOption.ExtraIndexUrl && o.Value is not null).Select(o => Expand(o.Value!.Text, environment)));
            }

            var link = options.FirstOrDefault(o => o.Option == RequirementsOption.FindLinks && o.Value is not null);
            if (link is not null)
            {
                state.FindLinks.Add(Expand(link.Value!.Text, environment));
            }

            state.Pre |= options.Any(o => o.Option == RequirementsOption.Pre);
            state.PreferBinary |= options.Any(o => o.Option == RequirementsOption.PreferBinary);
        }
    }

    private static void Add(List<string> urls, IndexSourceKind kind, IndexSettings settings, ImmutableArray<IndexSource>.Builder sources, ImmutableArray<string>.Builder unreadable, Func<string, string>? localPath)
    {
        // pip's LinkCollector keys its sources by location: a URL named twice is read once, at its first place.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var written in urls)
        {
            if (!seen.Add(written))
            {
                continue;
            }

            if (!IsReadable(written, kind, local: localPath is not null))
            {
                unreadable.Add(IndexUrls.Redact(written));
                continue;
            }

            sources.Add(new IndexSource(kind, IsLocalPath(written) ? localPath!(written) : settings.MapPyTorch(written)));
        }
    }

    /// <summary>
    /// http(s) URLs can be read; so can `file:` URLs (a local PEP 503 tree or find-links page) and, for
    /// find-links, local paths (a directory of files or an HTML page) when <paramref name="local"/> says the
    /// files pip reads are on this machine. They are not when pip runs in Cog's image: Cog installs the
    /// requirements before it copies the project in, so this machine's folders prove nothing about the image.
    /// An unset `${VAR}` or another scheme cannot be read.
    /// </summary>
    private static bool IsReadable(string url, IndexSourceKind kind, bool local) =>
        !url.Contains("${", StringComparison.Ordinal)
        && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || (local && url.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            || (local && kind == IndexSourceKind.FindLinks && IsLocalPath(url)));

    /// <summary>A path rather than a URL (a Windows drive letter is not a scheme).</summary>
    private static bool IsLocalPath(string value) => !PipUrls.IsUrl(value) && !value.Contains("://", StringComparison.Ordinal);

    /// <summary>pip's expand_env_variables: `${NAME}` (capitals, digits, '_') becomes the variable's value when it is set and not empty.</summary>
    private static string Expand(string value, Func<string, string?>? environment) =>
        environment is null || !value.Contains("${", StringComparison.Ordinal)
            ? value
            : EnvironmentVariable().Replace(value, m => environment(m.Groups[1].Value) is { Length: > 0 } v ? v : m.Value);

    [GeneratedRegex(@"\$\{([A-Z0-9_]+)\}")]
    private static partial Regex EnvironmentVariable();
}
