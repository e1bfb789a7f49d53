using System.Collections.Immutable;
using System.Globalization;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Projects;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// The findings that explain a finished resolution to users, line by line: which build Cog installs
/// for a torch/torchvision/tensorflow pin and why, what happens to a local tag, a missing wheel, a
/// version Cog's table lacks, and index options that compete with the index Cog adds. Runs after Cog
/// wrote its requirements (<paramref name="lines"/>, every input line in order) with the CUDA it settled
/// on; <paramref name="pins"/> are the lines whose name==version Cog looked up for the build (in order).
/// </summary>
internal sealed class CogResolutionExplainer(
    CogBuildConfig config, CompatibilityTable table, string cuda, ImmutableArray<CogLogicalLine> input,
    IReadOnlyList<CogLineResolution> lines, IReadOnlyList<CogLineResolution> pins, CogFindingList findings)
{
    /// <summary>Pins with a local tag passed on verbatim: whether pip finds them depends on every line's indexes.</summary>
    private readonly List<(CogLogicalLine Line, string Package, string Requested, string Tag, string Plain)> _verbatimTagged = [];

    public void AddAll()
    {
        foreach (var pin in pins)
        {
            AddResolutionFindings(pin);
        }

        AddVerbatimTagFindings();
        AddIndexLineFindings();
    }

    private void AddResolutionFindings(CogLineResolution r)
    {
        var line = r.Line;
        var package = r.Package!;
        if (!CogPackages.IsFramework(package))
        {
            return;
        }

        var requested = r.RequestedVersion!;
        var hasTag = requested.Contains('+', StringComparison.Ordinal);
        var tag = hasTag ? requested[(requested.IndexOf('+', StringComparison.Ordinal) + 1)..] : string.Empty;
        var whole = (0, line.Text.Length);
        var index = r.ExtraIndexUrls.Length > 0 ? " from " + r.ExtraIndexUrls[0] : r.FindLinks.Length > 0 ? " (find-links " + r.FindLinks[0] + ")" : " from PyPI";

        if (hasTag && package != "tensorflow")
        {
            AddTagFindings(r, tag, index);
        }
        else if (r.InstalledVersion is not null && package != "tensorflow")
        {
            findings.Add(CogFindingKind.FrameworkPinRewritten, DiagnosticSeverity.Information, line, whole.Item1, whole.Item2,
                $"{package}=={requested} will be installed as {package} {r.InstalledVersion}{index} ({r.Reason}). Cog writes `{r.Output}`{(r.ExtraIndexUrls.Length > 0 ? " and adds `--extra-index-url " + r.ExtraIndexUrls[0] + "`" : string.Empty)}.");
        }
        else if (package == "tensorflow" && config.Gpu && r.TensorFlowRow is not null)
        {
            findings.Add(CogFindingKind.FrameworkPinRewritten, DiagnosticSeverity.Information, line, whole.Item1, whole.Item2,
                $"tensorflow=={requested} is installed as written from PyPI; it decides the image: CUDA {r.TensorFlowRow.Cuda} and cuDNN {r.TensorFlowRow.Cudnn} ({r.Reason}).");
        }
        else if (r.InstalledVersion is null && (package != "tensorflow" || config.Gpu))
        {
            var what = config.Gpu
                ? $"Cog's table (commit {table.ShortCommit}) has no {package} {requested} build for CUDA {cuda} or lower"
                : $"Cog's table (commit {table.ShortCommit}) has no CPU build of {package} {requested}";
            findings.Add(CogFindingKind.UnknownFrameworkVersion, DiagnosticSeverity.Warning, line, whole.Item1, whole.Item2,
                $"{what}: Cog adds no index URL and pip installs {package}=={requested} from PyPI, whose build may not match the image.");
        }

        if (r.TorchRow is { } row && PythonMinor() is { } python && !row.Pythons.Contains(python))
        {
            findings.Add(CogFindingKind.NoWheelForPython, DiagnosticSeverity.Warning, line, whole.Item1, whole.Item2,
                $"{package} {r.InstalledVersion} has wheels for Python {string.Join(", ", row.Pythons)} in Cog's table, not for python_version {python}: pip will not find a cp{python.Replace(".", string.Empty, StringComparison.Ordinal)} wheel.");
        }
        else if (r.TensorFlowRow is { } tfRow && PythonMinor() is { } py && !tfRow.Pythons.Contains(py))
        {
            findings.Add(CogFindingKind.NoWheelForPython, DiagnosticSeverity.Warning, line, whole.Item1, whole.Item2,
                $"tensorflow {requested} has wheels for Python {string.Join(", ", tfRow.Pythons)} in Cog's table, not for python_version {py}.");
        }
    }

    private void AddTagFindings(CogLineResolution r, string tag, string index)
    {
        var line = r.Line;
        var package = r.Package!;
        var requested = r.RequestedVersion!;
        var plain = CogVersion.StripModifier(requested);
        var tagStart = r.Line.Text.IndexOf(requested, StringComparison.Ordinal) + plain.Length;
        var tagSpan = (tagStart, tag.Length + 1);
        var (tagCuda, _) = CogResolver.CudaFromLocalTag(requested);
        if (tagCuda.Length > 0 && !table.TorchAll.Any(row => (package == "torch" ? row.TorchVersion : row.TorchvisionVersion) == plain && row.Cuda == tagCuda))
        {
            var known = table.TorchAll.Where(row => (package == "torch" ? row.TorchVersion : row.TorchvisionVersion) == plain)
                .Select(row => row.Cuda is null ? "cpu" : "cu" + row.Cuda.Replace(".", string.Empty, StringComparison.Ordinal)).Distinct().ToList();
            findings.Add(CogFindingKind.LocalTagUnknownBuild, DiagnosticSeverity.Warning, line, tagSpan.Item1, tagSpan.Item2,
                $"Cog's table has no {package} {plain} build for CUDA {tagCuda} (+{tag}); {(known.Count > 0 ? "builds it knows: " + string.Join(", ", known) : "it does not know this release")}.");
        }

        if (tagCuda.Length > 0 && !config.Gpu)
        {
            findings.Add(CogFindingKind.LocalTagContradictsConfig, DiagnosticSeverity.Warning, line, tagSpan.Item1, tagSpan.Item2,
                $"+{tag} is a CUDA build but cog.yaml has gpu: false: the image has no CUDA. Pin {package}=={plain} (Cog picks the CPU build) or set gpu: true.");
        }
        else if (tag == "cpu" && config.Gpu)
        {
            findings.Add(CogFindingKind.LocalTagContradictsConfig, DiagnosticSeverity.Warning, line, tagSpan.Item1, tagSpan.Item2,
                $"+cpu asks for a CPU build but cog.yaml has gpu: true; Cog ignores the tag and installs a CUDA build.");
        }
        else if (tagCuda.Length > 0 && config.Gpu && config.Cuda is { Length: > 0 } yamlCuda && !CogVersion.EqualMinor(tagCuda, yamlCuda))
        {
            findings.Add(CogFindingKind.LocalTagContradictsConfig, DiagnosticSeverity.Warning, line, tagSpan.Item1, tagSpan.Item2,
                $"+{tag} asks for CUDA {tagCuda} but cog.yaml sets cuda: \"{yamlCuda}\".");
        }

        if (config.Gpu && r.InstalledVersion is not null)
        {
            if (r.InstalledVersion == requested)
            {
                findings.Add(CogFindingKind.QualifiedPinKept, DiagnosticSeverity.Information, line, 0, line.Text.Length,
                    $"{package}=={requested} is installed as that exact build{index}: Cog writes `{r.Output}` and adds the index that holds it ({r.Reason}).");
            }
            else
            {
                findings.Add(CogFindingKind.QualifiedPinTagReplaced, DiagnosticSeverity.Warning, line, tagSpan.Item1, tagSpan.Item2,
                    $"Cog drops the +{tag} tag: it writes `{r.Output}` and pip installs {package} {r.InstalledVersion}{index} ({r.Reason}).");
            }
        }
        else if (r.Output == line.Text)
        {
            // Decided once every line is resolved: another line's rewrite may add the index this pin needs.
            _verbatimTagged.Add((line, package, requested, tag, plain));
        }
    }

    /// <summary>
    /// A pin with a local tag that Cog passes on verbatim is found only where some index holds that build.
    /// Index options apply to the whole generated file, so an index Cog adds for another line counts too.
    /// </summary>
    private void AddVerbatimTagFindings()
    {
        var generatedIndexes = lines.SelectMany(l => l.ExtraIndexUrls.Concat(l.FindLinks)).ToList();
        foreach (var (line, package, requested, tag, plain) in _verbatimTagged)
        {
            var userIndex = input.Any(l => CogPackages.IndexOptionAtStart(l.Text) is not null);
            var tagIndex = generatedIndexes.FirstOrDefault(u => u.TrimEnd('/').EndsWith("/" + tag, StringComparison.Ordinal));
            if (tagIndex is not null)
            {
                findings.Add(CogFindingKind.QualifiedPinKept, DiagnosticSeverity.Information, line, 0, line.Text.Length,
                    $"{package}=={requested} is installed exactly as written: Cog adds no index for a pin with a local tag, but pip finds this build on {tagIndex}, which Cog adds for another line (index options apply to the whole file).");
            }
            else if (userIndex)
            {
                findings.Add(CogFindingKind.QualifiedPinKept, DiagnosticSeverity.Information, line, 0, line.Text.Length,
                    $"{package}=={requested} is installed exactly as written: Cog adds no index URL for a pin with a local tag.");
            }
            else
            {
                findings.Add(CogFindingKind.QualifiedPinKept, DiagnosticSeverity.Warning, line, 0, line.Text.Length,
                    $"{package}=={requested} is passed on exactly as written, and Cog adds no index URL for it: PyPI has no +{tag} builds, so pip will not find it. Add `--extra-index-url https://download.pytorch.org/whl/{tag}` or pin {package}=={plain}.");
            }
        }
    }

    private string? PythonMinor() => CogVersion.TryParse((config.PythonVersion ?? string.Empty).Trim()) is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor}") : null;

    /// <summary>Index options on their own lines change which build pip picks among Cog's added index and theirs.</summary>
    private void AddIndexLineFindings()
    {
        var chosen = lines.Where(l => l.TorchRow is not null).ToList();
        if (chosen.Count == 0)
        {
            return;
        }

        var cogIndex = chosen.SelectMany(l => l.ExtraIndexUrls).Select(u => "`--extra-index-url " + u + "`").FirstOrDefault() ?? "PyPI";

        foreach (var line in input)
        {
            var text = line.Text;
            var option = CogPackages.IndexOptionAtStart(text);
            if (option is null || CogRequirementSyntax.SplitPinned(text) is not null)
            {
                continue;
            }

            findings.Add(CogFindingKind.IndexOptionChangesRewrite, DiagnosticSeverity.Warning, line, 0, text.Length,
                $"pip also searches this {(CogPackages.IsFindLinks(option) ? "location" : "index")} for torch: besides {cogIndex}, where Cog expects {chosen[0].Package} {chosen[0].InstalledVersion}, pip takes the highest version it finds in either, which may be a different build (another +cuXYZ) than the one Cog chose.");
        }
    }
}
