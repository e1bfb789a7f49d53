using System.CommandLine;
using CogLsp.Analysis;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Session;

namespace CogLsp.Server.Cli;

/// <summary>
/// The command line: `serve` (the default) speaks LSP on stdio; `check` prints diagnostics for CI;
/// `fix` applies code fixes to files on disk;
/// `docs` writes the rule reference. Exit codes: 0 fine, 1 an error-severity diagnostic (check) or a
/// failure, 2 a usage error.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        // Many editors and language clients add --stdio; stdio is the only transport, so it changes nothing.
        args = args.Where(a => a != "--stdio").ToArray();
        if (args.Length == 0 || args is ["serve"])
        {
            return await ServeCommand.RunAsync().ConfigureAwait(false);
        }

        var root = new RootCommand("cog-lsp: a language server and checker for Cog projects (cog.yaml and its requirements file).");

        var serve = new Command("serve", "Run the language server over stdin/stdout (the default).");
        serve.SetAction((_, _) => ServeCommand.RunAsync());
        root.Add(serve);

        var paths = new Argument<string[]>("paths") { Description = "Cog project folders or files to check.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var severity = new Option<string[]>("--severity") { Description = "Override a rule's severity: ID=error|warning|information|hint|off (repeatable).", AllowMultipleArgumentsPerToken = false };
        var online = new Option<bool>("--online") { Description = "Also check every requirement against the package indexes pip will read in the image (without it, check makes no network request)." };
        var indexUrl = new Option<string?>("--index-url") { Description = "With --online: the index that stands for pip's default (PyPI), e.g. a mirror." };
        var pytorchUrl = new Option<string?>("--pytorch-index-url") { Description = "With --online: the base that replaces https://download.pytorch.org/whl/ in Cog's PyTorch indexes." };
        var gpu = new Option<string[]>("--gpu") { Description = "A GPU the model is meant to run on: a name (T4, A100, H100, B200, RTX 4090…) or a compute capability (sm_90, 9.0); repeatable. Without it, this machine's GPUs (nvidia-smi), if any.", AllowMultipleArgumentsPerToken = false };
        var check = new Command("check", "Print the diagnostics of Cog projects; exit code 1 when any has error severity.") { paths, format, severity, gpu, online, indexUrl, pytorchUrl };
        check.SetAction((result, token) => Check(
            result.GetValue(paths) ?? [], result.GetValue(format) ?? "text", result.GetValue(severity) ?? [], result.GetValue(gpu) ?? [],
            new OnlineChoice(result.GetValue(online), result.GetValue(indexUrl), result.GetValue(pytorchUrl)), token));
        root.Add(check);

        var project = new Option<string>("--project") { Description = "The Cog project folder (holding cog.yaml).", Required = true };
        var os = new Option<string>("--os") { Description = "Target operating system, as Cog names it.", DefaultValueFactory = _ => "linux" };
        var arch = new Option<string>("--arch") { Description = "Target architecture, as Cog names it.", DefaultValueFactory = _ => "amd64" };
        var resolveFormat = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        resolveFormat.AcceptOnlyFromAmong("text", "json");
        var resolveOnline = new Option<bool>("--online") { Description = "Also print the version and file pip picks in the image for every requirement (reads the package indexes)." };
        var resolveIndexUrl = new Option<string?>("--index-url") { Description = indexUrl.Description };
        var resolvePytorchUrl = new Option<string?>("--pytorch-index-url") { Description = pytorchUrl.Description };
        var resolve = new Command("resolve", "Print the requirements Cog would install for a project; CUDA, cuDNN and base image on stderr.") { project, os, arch, resolveFormat, resolveOnline, resolveIndexUrl, resolvePytorchUrl };
        resolve.SetAction((result, _) => ResolveCommand.RunAsync(
            result.GetValue(project)!, result.GetValue(os)!, result.GetValue(arch)!, result.GetValue(resolveFormat)!,
            new OnlineChoice(result.GetValue(resolveOnline), result.GetValue(resolveIndexUrl), result.GetValue(resolvePytorchUrl)), Console.Out, Console.Error));
        root.Add(resolve);

        root.Add(FixCommand.Create());

        var docs = new Command("docs", "Print the Markdown reference of every diagnostic rule (docs/diagnostics.md).");
        docs.SetAction(_ =>
        {
            Console.Out.Write(DocsGenerator.Generate(LanguageServices.CreateDefault()));
            return 0;
        });
        root.Add(docs);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"cog-lsp: {error.Message}");
            }

            Console.Error.WriteLine("Run 'cog-lsp --help' for usage.");
            return 2;
        }

        return await parsed.InvokeAsync().ConfigureAwait(false);
    }

    /// <summary>`--online` and the index URLs given with it.</summary>
    internal sealed record OnlineChoice(bool Online, string? IndexUrl, string? PyTorchUrl)
    {
        public static OnlineChoice Offline { get; } = new(false, null, null);

        /// <summary>The options with the index settings applied, or null (after a message) on a usage error.</summary>
        public AnalysisOptions? Apply(AnalysisOptions options, TextWriter stderr)
        {
            if (!Online)
            {
                if (IndexUrl is not null || PyTorchUrl is not null)
                {
                    stderr.WriteLine("cog-lsp: --index-url and --pytorch-index-url need --online");
                    return null;
                }

                return options;
            }

            return OnlineIndexes.Apply(options, IndexUrl, PyTorchUrl, stderr);
        }
    }

    private static async Task<int> Check(string[] paths, string format, string[] severities, string[] gpus, OnlineChoice online, CancellationToken cancellationToken)
    {
        var targets = System.Collections.Immutable.ImmutableArray.CreateBuilder<Analysis.Cog.Gpu.GpuTarget>();
        foreach (var name in gpus)
        {
            if (Analysis.Cog.Gpu.GpuTarget.TryParse(name) is not { } target)
            {
                Console.Error.WriteLine($"cog-lsp: --gpu: {ServerSettings.UnknownGpu(name)}");
                return 2;
            }

            targets.Add(target);
        }

        var overrides = AnalysisOptions.Default.SeverityOverrides;
        foreach (var entry in severities)
        {
            var parts = entry.Split('=', 2);
            var (ok, level) = parts.Length == 2 ? Session.ServerSettings.ParseSeverity(parts[1]) : (false, null);
            if (!ok)
            {
                Console.Error.WriteLine($"cog-lsp: --severity expects ID=error|warning|information|hint|off, got '{entry}'");
                return 2;
            }

            overrides = overrides.SetItem(parts[0].Trim(), level);
        }

        // Asked once per run: nvidia-smi only when no --gpu names a target; cog --version always.
        var machine = MachineProbe.Run(ProcessRunner.Instance, askGpus: targets.Count == 0);
        if (online.Apply(machine.ApplyTo(AnalysisOptions.Default with { SeverityOverrides = overrides }, targets.ToImmutable()), Console.Error) is not { } options)
        {
            return 2;
        }

        var runner = new CheckRunner(LanguageServices.CreateDefault(), PhysicalFileSystem.Instance);
        using var client = online.Online ? OnlineIndexes.CreateClient() : null;
        var outcome = await runner.RunAsync(paths, options, client, cancellationToken).ConfigureAwait(false);
        foreach (var problem in outcome.Problems)
        {
            Console.Error.WriteLine($"cog-lsp: {problem}");
        }

        Console.Out.Write(DiagnosticFormatter.Format(format, outcome.Files, Directory.GetCurrentDirectory()));
        if (outcome.Files.Count == 0 && outcome.Problems.Count > 0)
        {
            return 2;
        }

        return outcome.Files.Any(f => f.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) ? 1 : 0;
    }
}
