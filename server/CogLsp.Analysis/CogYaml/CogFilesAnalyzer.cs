using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// Checks that look beyond cog.yaml's own text (COG04xx): the requirements file and the run/predict/train
/// modules exist (through the workspace snapshot, so unsaved editor buffers count), the class is there,
/// git+ requirements have git, and the YAML float trap in version fields.
/// </summary>
public sealed partial class CogFilesAnalyzer : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        CogYamlDiagnostics.RequirementsMissing, CogYamlDiagnostics.RequirementsOutsideProject, CogYamlDiagnostics.ModuleMissing,
        CogYamlDiagnostics.ClassMissing, CogYamlDiagnostics.FloatTrap, CogYamlDiagnostics.GitWithoutGit,
    ];

    public void Analyze(AnalysisContext context)
    {
        var document = context.Document;
        if (CogYamlTree.Resolve(CogYamlTree.Model(document).Root) is not YamlMapping root)
        {
            return;
        }

        var build = CogYamlTree.Lookup(root, "build")?.Value;
        CheckFloatTrap(context, CogYamlTree.Lookup(build, "python_version"));
        CheckFloatTrap(context, CogYamlTree.Lookup(build, "cuda"));
        CheckFloatTrap(context, CogYamlTree.Lookup(build, "cudnn"));

        var requirements = CogYamlTree.Lookup(build, "python_requirements");
        var requirementsPath = CheckRequirements(context, requirements);
        foreach (var key in new[] { "run", "predict", "train" })
        {
            CheckModule(context, CogYamlTree.Lookup(root, key));
        }

        CheckGit(context, build, requirements, requirementsPath);
    }

    private static string? CheckRequirements(AnalysisContext context, YamlEntry? entry)
    {
        var relative = CogYamlTree.GoString(entry?.Value);
        if (string.IsNullOrEmpty(relative))
        {
            return null;
        }

        var folder = context.Document.Directory;
        var full = PathUtil.Resolve(folder, relative);
        var span = entry!.Value!.Span;
        if (!context.Workspace.FileExists(full))
        {
            context.Report(CogYamlDiagnostics.RequirementsMissing, span, relative, full);
            return null;
        }

        if (!PathUtil.IsUnder(full, folder) || relative.StartsWith('/'))
        {
            context.Report(CogYamlDiagnostics.RequirementsOutsideProject, span, relative);
        }

        return full;
    }

    private static void CheckModule(AnalysisContext context, YamlEntry? entry)
    {
        var reference = CogYamlTree.GoString(entry?.Value);
        if (string.IsNullOrEmpty(reference) || ParseReference(reference) is not { } parsed)
        {
            return;
        }

        var full = PathUtil.Resolve(context.Document.Directory, parsed.File);
        var span = entry!.Value!.Span;
        var module = context.Workspace.GetDocument(full);
        if (module is null)
        {
            context.Report(CogYamlDiagnostics.ModuleMissing, span, parsed.File);
            return;
        }

        if (parsed.Class.Length > 0 && FindClass(module.Text.Text, parsed.Class) is null && !DefinesName(module.Text.Text, parsed.Class))
        {
            context.Report(CogYamlDiagnostics.ClassMissing, span, parsed.File, parsed.Class);
        }
    }

    /// <summary>Splits `file.py:Class` as Cog does (exactly one ".py:"); null when it is not in that form.</summary>
    internal static (string File, string Class)? ParseReference(string reference)
    {
        var parts = reference.Split(".py:");
        return parts.Length == 2 && parts[0].Length > 0 ? (parts[0] + ".py", parts[1].Trim()) : null;
    }

    /// <summary>The offset of the name in `class Name` at the start of a line, or null.</summary>
    internal static int? FindClass(string text, string name)
    {
        foreach (Match match in ClassPattern().Matches(text))
        {
            if (match.Groups["name"].Value == name)
            {
                return match.Groups["name"].Index;
            }
        }

        return null;
    }

    /// <summary>A name bound another way than `class`: assigned at the top level or imported.</summary>
    private static bool DefinesName(string text, string name)
    {
        var escaped = Regex.Escape(name);
        return Regex.IsMatch(text, $@"^{escaped}\s*(:[^=\n]*)?=", RegexOptions.Multiline, TimeSpan.FromSeconds(1))
            || Regex.IsMatch(text, $@"^\s*(from\s+\S+\s+)?import\s[^\n]*\b{escaped}\b", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
    }

    private static void CheckFloatTrap(AnalysisContext context, YamlEntry? entry)
    {
        if (entry?.Value is not YamlScalar { IsPlain: true, Tag: null } scalar || !FloatPattern().IsMatch(scalar.Value))
        {
            return;
        }

        // A YAML 1.2 reader turns the text into a float; the trap is when the float prints differently (3.10 -> 3.1).
        if (!double.TryParse(scalar.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return;
        }

        var printed = number.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        if (printed == scalar.Value)
        {
            return;
        }

        var replacement = "\"" + scalar.Value + "\"";
        var diagnostic = Diagnostic.Create(CogYamlDiagnostics.FloatTrap, context.Document.Path, scalar.Span, $"{entry.KeyText}: {scalar.Value}", printed, replacement)
            .WithData(new ReplacementData(replacement));
        context.Report(diagnostic);
    }

    private static void CheckGit(AnalysisContext context, YamlNode? build, YamlEntry? requirements, string? requirementsPath)
    {
        if (CogYamlTree.GoBool(CogYamlTree.Lookup(build, "gpu")?.Value) == true)
        {
            // GPU builds install git with Python on the CUDA base image.
            return;
        }

        var system = CogYamlTree.GoStringList(CogYamlTree.Lookup(build, "system_packages")?.Value) ?? [];
        if (system.Any(s => s.Value.Trim() == "git"))
        {
            return;
        }

        // On the line pip reads for each item, pointing at the git URL inside the string.
        foreach (var item in PythonPackageItems.Get(context.Document))
        {
            var git = item.PipText.IndexOf("git+", StringComparison.Ordinal);
            if (git >= 0)
            {
                var end = item.PipText.IndexOfAny([' ', '\t', '\n', '\r'], git);
                var url = TextSpan.FromBounds(git, end < 0 ? item.PipText.Length : end);
                context.Report(CogYamlDiagnostics.GitWithoutGit, item.MapPipSpan(url), item.Value.Trim());
            }
        }

        if (requirementsPath is null || context.Workspace.GetDocument(requirementsPath) is not { } file)
        {
            return;
        }

        foreach (var raw in file.Text.Text.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith('#') && line.Contains("git+", StringComparison.Ordinal))
            {
                context.Report(CogYamlDiagnostics.GitWithoutGit, requirements!.Value!.Span, line.Length > 80 ? line[..80] + "…" : line);
                return;
            }
        }
    }

    [GeneratedRegex(@"^[ \t]*class[ \t]+(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.Multiline)]
    private static partial Regex ClassPattern();

    [GeneratedRegex(@"^[-+]?[0-9]+\.[0-9]+$")]
    private static partial Regex FloatPattern();
}
