using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// Moves build.python_packages into a requirements file and points build.python_requirements at it.
/// No file yet: requirements.txt is created next to cog.yaml, one line per package in the list's order,
/// with the items' comments. A file already there (or the one python_requirements names): only the
/// packages it lacks (by PEP 503 name) are appended after its last line; where both name a package
/// with different specifiers the file's line wins and the title says so. In cog.yaml the python_packages
/// lines are replaced by `python_requirements: requirements.txt` at the same indentation (or just
/// removed when python_requirements is already set); no other byte changes.
/// Architecture invariant: the migration is not offered when the result could make Cog install
/// anything other than before: an item Cog would read differently from a requirements file (a `#`,
/// which Cog cuts there; a trailing `\`, which joins lines; a line break; `-e .`, which Cog skips), or
/// a cog.yaml that cannot be edited line by line.
/// </summary>
public sealed partial class PythonPackagesMigration
{
    public const string DefaultFileName = "requirements.txt";

    private PythonPackagesMigration(string title, WorkspaceEditModel edit)
    {
        Title = title;
        Edit = edit;
    }

    /// <summary>The action title, naming the target file and any conflicting lines the file keeps.</summary>
    public string Title { get; }

    public WorkspaceEditModel Edit { get; }

    /// <summary>The action for this migration, of the given kind (quick fix or refactoring).</summary>
    public CodeActionItem ToAction(string kind) => new(Title, kind, _ => Edit) { IsPreferred = kind == CodeActionItem.QuickFix };

    /// <summary>The migration for a cog.yaml, or null when it has no python_packages list that can be moved safely.</summary>
    public static PythonPackagesMigration? Plan(WorkspaceSnapshot workspace, Document cogYaml)
    {
        if (CogYamlEditing.BlockBuild(cogYaml) is not (_, var build))
        {
            return null;
        }

        var packagesEntry = build.Find("python_packages");
        if (packagesEntry?.Value is not YamlSequence list
            || CogYamlEditing.EntryLines(cogYaml.Text, packagesEntry) is not { } block
            || CogYamlEditing.HasAnchorsIn(cogYaml, block.Span))
        {
            return null;
        }

        var packages = ReadPackages(cogYaml, packagesEntry, list);
        if (packages is null)
        {
            return null;
        }

        // A python_requirements only reachable through a merge key cannot be edited where it is written.
        var requirementsEntry = build.Find("python_requirements");
        if (requirementsEntry is null && CogYamlTree.Lookup(build, "python_requirements") is not null)
        {
            return null;
        }

        string relative;
        if (requirementsEntry is not null)
        {
            if (CogYamlTree.GoString(requirementsEntry.Value) is not { Length: > 0 } written)
            {
                return null;
            }

            relative = written;
        }
        else
        {
            relative = DefaultFileName;
        }

        var targetPath = PathUtil.Resolve(cogYaml.Directory, relative);
        if (targetPath == cogYaml.Path)
        {
            return null;
        }

        var changes = ImmutableArray.CreateBuilder<FileChange>();
        var conflicts = new List<string>();
        var target = workspace.GetDocument(targetPath);
        if (target is null && workspace.FileExists(targetPath))
        {
            // There but unreadable (too large, no permission): neither create nor merge is safe.
            return null;
        }

        if (target is null)
        {
            var lineBreak = CogYamlEditing.LineBreak(cogYaml.Text);
            changes.Add(new CreateFileChange(targetPath, string.Concat(packages.Select(p => p.Render(lineBreak)))));
        }
        else if (Merge(target, packages, conflicts) is { } append)
        {
            changes.Add(new EditFileChange(target.Path, target.Version, [append]));
        }

        var replacement = requirementsEntry is null ? block.Indent + "python_requirements: " + DefaultFileName + block.LineBreak : "";
        changes.Add(new EditFileChange(cogYaml.Path, cogYaml.Version, [new TextChange(block.Span, replacement)]));

        var title = $"Migrate python_packages to {relative}";
        if (conflicts.Count > 0)
        {
            var shown = conflicts.Take(3).ToList();
            var more = conflicts.Count > shown.Count ? $"; and {conflicts.Count - shown.Count} more" : "";
            title += $" (keeps {PathUtil.GetFileName(relative)}'s {string.Join("; ", shown)}{more})";
        }

        return new PythonPackagesMigration(title, new WorkspaceEditModel(changes.ToImmutable()));
    }

    /// <summary>The items of the list with the comments that go with them; null when an item cannot be moved faithfully.</summary>
    private static List<Package>? ReadPackages(Document cogYaml, YamlEntry entry, YamlSequence list)
    {
        var packages = new List<Package>();
        foreach (var item in list.Items)
        {
            if (item is not YamlScalar scalar || scalar.Style is YamlScalarStyle.Literal or YamlScalarStyle.Folded)
            {
                return null;
            }

            var value = scalar.IsNull ? "" : scalar.Value.Trim();
            if (value.Contains('#') || value.EndsWith('\\') || value.AsSpan().IndexOfAny('\r', '\n') >= 0 || EditableOnly().IsMatch(value))
            {
                return null;
            }

            packages.Add(new Package(value));
        }

        // Comments inside the block travel with the package they belong to.
        var (leading, trailing) = CogYamlEditing.ItemComments(cogYaml, entry, list);
        for (var i = 0; i < packages.Count; i++)
        {
            packages[i].Leading.AddRange(leading[i]);
            packages[i].Trailing = trailing[i];
        }

        return packages;
    }

    /// <summary>The text to append to an existing requirements file, or null when it already has every package.</summary>
    private static TextChange? Merge(Document target, List<Package> packages, List<string> conflicts)
    {
        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        var existingKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Requirements.RequirementsDocument.GetSyntax(target).Lines)
        {
            if (line.Content.Text.Length == 0)
            {
                continue;
            }

            existingKeys.Add(Key(line));
            if (line.Requirement?.NormalizedName is { } name)
            {
                existing.TryAdd(name, line.Content.Text);
            }
        }

        var text = target.Text.Text;
        var lineBreak = text.Length > 0 ? CogYamlEditing.LineBreak(target.Text) : "\n";
        var appended = new StringBuilder();
        foreach (var package in packages)
        {
            if (package.Value.Length == 0)
            {
                continue;
            }

            var parsed = RequirementsLine.Parse(package.Value);
            if (existingKeys.Contains(Key(parsed)))
            {
                continue;
            }

            if (parsed.Requirement?.NormalizedName is { } name && existing.TryGetValue(name, out var kept))
            {
                conflicts.Add($"{kept}, not {package.Value}");
                continue;
            }

            appended.Append(package.Render(lineBreak));
        }

        if (appended.Length == 0)
        {
            return null;
        }

        var prefix = text.Length > 0 && text[^1] is not ('\n' or '\r') ? lineBreak : "";
        return new TextChange(new TextSpan(text.Length, 0), prefix + appended);
    }

    // Cog skips `-e .` lines when it reads a requirements file, but installs them from python_packages.
    [GeneratedRegex(@"^\s*-e\s+\.\s*$")]
    private static partial Regex EditableOnly();

    /// <summary>
    /// A line reduced to what decides what pip installs: what pip reads (no comment), the project name
    /// normalised (PEP 503), no whitespace. Two lines with the same key ask for the same thing.
    /// </summary>
    private static string Key(RequirementsLine line)
    {
        var content = line.Content;
        var text = content.Text;
        if (line.Requirement?.Name is { } name && name.Span.Start == content.Span.Start)
        {
            text = line.Requirement.NormalizedName + text[name.Text.Length..];
        }

        return string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }

    private sealed class Package(string value)
    {
        public string Value { get; } = value;

        public List<string> Leading { get; } = [];

        public string? Trailing { get; set; }

        /// <summary>The package's lines in a requirements file; an empty item keeps only its comments.</summary>
        public string Render(string lineBreak)
        {
            var builder = new StringBuilder();
            foreach (var comment in Leading)
            {
                builder.Append(comment).Append(lineBreak);
            }

            if (Value.Length > 0)
            {
                builder.Append(Value);
                if (Trailing is not null)
                {
                    builder.Append("  ").Append(Trailing);
                }

                builder.Append(lineBreak);
            }

            return builder.ToString();
        }
    }
}
