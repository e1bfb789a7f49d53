using System.Collections.Immutable;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Requirements;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Shell;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml.BuildRun;

/// <summary>
/// The rules for build.run commands (<see cref="BuildRunDiagnostics"/>): the shell's syntax, pip's
/// per-line rules on each requirement argument of a `pip install` (COG08xx twins, ranges inside the YAML
/// string through the shell word's offsets and the scalar map), requirements the shell splits with a
/// redirection, re-installs of pinned packages, and commands that replace pip. A pin fix's replacement
/// range is carried only when it maps exactly, through the shell word and the YAML scalar.
/// </summary>
public sealed class BuildRunAnalyzer(ICogConfigProvider configs) : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => BuildRunDiagnostics.Rules;

    public void Analyze(AnalysisContext context)
    {
        var items = RunCommandItems.Get(context.Document);
        if (items.IsEmpty)
        {
            return;
        }

        var path = context.Document.Path;
        CogResolution? resolution = null;
        var config = items.Any(i => i.Pip.Any(p => p.IsInstall)) ? configs.ReadConfig(context.Workspace, context.Document) : null;
        if (config is not null)
        {
            resolution = CogResolutionCache.Get(context.Workspace, config);
        }

        foreach (var item in items)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (item.Value.Trim().Contains('\n', StringComparison.Ordinal))
            {
                context.Report(Diagnostic.Create(BuildRunDiagnostics.LineBreak, path, item.Map.Whole));
            }

            foreach (var error in item.Script.Errors)
            {
                context.Report(Diagnostic.Create(BuildRunDiagnostics.ShellSyntax, path, item.MapSpan(error.Span), $"/bin/sh cannot run this command: {error.Message}"));
            }

            foreach (var pip in item.Pip)
            {
                if (!pip.IsInstall)
                {
                    continue;
                }

                foreach (var argument in pip.Arguments)
                {
                    if (argument.HasExpansion)
                    {
                        continue;
                    }

                    if (SplitByRedirect(pip.Command, argument) is { } redirect)
                    {
                        ReportRedirect(context, item, argument, redirect);
                        continue;
                    }

                    foreach (var finding in PythonPackageLineChecks.Run(path, argument.Value))
                    {
                        if (BuildRunDiagnostics.ForRequirementRule(finding.Id) is not { } twin)
                        {
                            continue;
                        }

                        context.Report(new Diagnostic(twin, path, item.MapSpan(argument.MapValueSpan(finding.Span)), finding.Message, twin.DefaultSeverity)
                        {
                            Data = TranslateReplacement(item, argument, finding.Data),
                        });
                    }

                    if (resolution is not null && config is not null && RunReinstall.Find(pip, argument, resolution) is { } reinstall)
                    {
                        context.Report(Reinstall(context, config, resolution, item, reinstall));
                    }
                }
            }

            foreach (var command in item.Script.Commands)
            {
                foreach (var replacement in PipReplacement.Find(command))
                {
                    context.Report(Diagnostic.Create(BuildRunDiagnostics.ReplacesPip, path, item.MapSpan(replacement.Span), ReplacementMessage(items, item, command, replacement)));
                }
            }
        }
    }

    /// <summary>A `>` or `<` written right after the argument (`numpy>=1.26`): the shell ended the word there.</summary>
    internal static ShellRedirect? SplitByRedirect(ShellCommand command, ShellWord argument) =>
        command.Redirects.FirstOrDefault(r => r.Span.Start == argument.Span.End && r.Operator is ">" or "<" or ">>" && r.Target is not null);

    private static void ReportRedirect(AnalysisContext context, RunCommandItem item, ShellWord argument, ShellRedirect redirect)
    {
        var range = TextSpan.FromBounds(argument.Span.Start, redirect.Span.End);
        var span = item.MapSpan(range);
        var written = item.Value.Substring(range.Start, range.Length);
        var target = redirect.Target!.Value;
        var diagnostic = redirect.Operator == "<"
            ? Diagnostic.Create(BuildRunDiagnostics.RequirementReadsFile, context.Document.Path, span,
                $"The shell reads `<{target}` as input from a file named `{target}`, which does not exist, so this command fails; quote the requirement: '{written}'")
            : Diagnostic.Create(BuildRunDiagnostics.RequirementRedirected, context.Document.Path, span,
                $"The shell reads `{redirect.Operator}` as a redirection: pip installs `{argument.Value}` with no version constraint and writes its output to a file named `{target}`; quote the requirement: '{written}'");
        context.Report(QuotedReplacement(context.Document, item, range, written) is { } quoted ? diagnostic.WithData(quoted) : diagnostic);
    }

    /// <summary>
    /// The requirement in shell quotes, when the command range is written in the document character for
    /// character (no YAML escape or folding inside) and holds no quote, backslash or `$`: single quotes,
    /// or double quotes inside a single-quoted YAML scalar (where a single quote would have to be doubled).
    /// </summary>
    private static ReplacementData? QuotedReplacement(Document document, RunCommandItem item, TextSpan range, string written)
    {
        if (written.AsSpan().IndexOfAny("'\"\\$`") >= 0 || !item.Map.TryMap(range, out var mapped) || mapped.End > document.Text.Length || document.Text.ToString(mapped) != written)
        {
            return null;
        }

        var quote = item.Node is Syntax.CogYaml.YamlScalar { Style: Syntax.CogYaml.YamlScalarStyle.SingleQuoted } ? '"' : '\'';
        return new ReplacementData($"{quote}{written}{quote}");
    }

    private static Diagnostic Reinstall(AnalysisContext context, CogBuildConfig config, CogResolution resolution, RunCommandItem item, RunReinstall reinstall)
    {
        var line = reinstall.Pinned;
        var (where, related) = PinnedWhere(context, config, resolution, line);
        var message = $"Cog installs `{line.Package}=={line.RequestedVersion}` from {where} before build.run; {reinstall.Why}, and the image ends up with this command's version";
        if (line.Index == resolution.CudaSourceLine && resolution.CudaSource is CudaSource.TorchPin or CudaSource.TensorFlowPin && resolution.Cuda is { } cuda)
        {
            message += $". Cog chose CUDA {cuda}{(resolution.Cudnn is { } cudnn ? $" (cuDNN {cudnn})" : "")} and the base image {resolution.BaseImage ?? resolution.CogBaseImage} from the pinned version";
        }

        var diagnostic = Diagnostic.Create(BuildRunDiagnostics.Reinstalls, context.Document.Path, item.MapSpan(reinstall.Argument.MapValueSpan(new TextSpan(0, reinstall.Argument.Value.Length))), message);
        return related is null ? diagnostic : diagnostic with { Related = [related] };
    }

    /// <summary>Where the pinned line is, in words and as a location.</summary>
    internal static (string Where, RelatedLocation? Related) PinnedWhere(AnalysisContext context, CogBuildConfig config, CogResolution resolution, CogLineResolution line) =>
        PinnedWhere(context.Document, config, resolution, line);

    internal static (string Where, RelatedLocation? Related) PinnedWhere(Document cogYaml, CogBuildConfig config, CogResolution resolution, CogLineResolution line)
    {
        if (resolution.FromPythonPackages)
        {
            var items = PythonPackageItems.Get(cogYaml);
            var related = line.Index < items.Length ? new RelatedLocation(cogYaml.Path, items[line.Index].Map.Map(line.Span), "the pin") : null;
            return ($"python_packages[{line.Index}]", related);
        }

        var path = config.RequirementsPath;
        return ($"{config.PythonRequirements} line {line.Index + 1}", path is null ? null : new RelatedLocation(path, line.Span, "the pin"));
    }

    private static string ReplacementMessage(ImmutableArray<RunCommandItem> items, RunCommandItem item, ShellCommand command, PipReplacement replacement)
    {
        // The pip commands that run after this one: later in the same item, then in later items.
        var later = item.Pip.Where(p => p.Command.Span.Start > command.Span.Start).Select(_ => item.Name)
            .Concat(items.Where(i => i.Order > item.Order && i.Pip.Count > 0).Select(i => i.Name)).Distinct().ToList();
        var effect = replacement.Removes ? "then fail because pip is gone" : "then do something other than install";
        var after = later.Count == 0 ? "pip in the running model" : $"the pip commands in {string.Join(", ", later)} and pip in the running model";
        return $"This command {replacement.What}: {after} {effect}. Cog has already installed the requirements and its SDK when build.run runs, so this does not stop those installs";
    }

    /// <summary>The pin rule's replacement range, moved from the argument into the document (dropped unless it maps exactly).</summary>
    private static DiagnosticData? TranslateReplacement(RunCommandItem item, ShellWord argument, DiagnosticData? data)
    {
        if (data is not PinFixData pin)
        {
            return data;
        }

        return argument.IsWrittenAsIs(pin.Replace) && item.Map.TryMap(argument.MapValueSpan(pin.Replace), out var mapped) ? pin with { Replace = mapped } : null;
    }
}
