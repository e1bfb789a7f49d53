using System.Collections.Concurrent;
using System.CommandLine;
using CogLsp.Analysis;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Server.Cli;

/// <summary>
/// `cog-lsp fix [--migrate] [--all] [--dry-run] PATH...`: the editor's code actions applied to files on
/// disk. --migrate moves python_packages into a requirements file (the same edit as the quick fix);
/// --all applies every fix-all of each file (CodeActionService.FixAllInFile), after the migration when
/// both are given. The edits are computed in memory first; then --dry-run prints them as a unified diff,
/// otherwise they are written atomically, and refused when a file changed on disk since it was read.
/// Exit codes: 0 done (or nothing to do), 1 refused or failed, 2 usage error.
/// </summary>
public static class FixCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Cog project folders or files to fix.", Arity = ArgumentArity.OneOrMore };
        var migrate = new Option<bool>("--migrate") { Description = "Move build.python_packages into a requirements file and point build.python_requirements at it." };
        var all = new Option<bool>("--all") { Description = "Apply every available fix in each file." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the changes as a unified diff and write nothing." };
        var command = new Command("fix", "Apply code fixes to Cog projects on disk; exit code 1 when the files cannot be written safely.") { paths, migrate, all, dryRun };
        command.SetAction(result => Run(
            result.GetValue(paths) ?? [],
            result.GetValue(migrate),
            result.GetValue(all),
            result.GetValue(dryRun),
            Console.Out,
            Console.Error,
            Directory.GetCurrentDirectory()));
        return command;
    }

    /// <summary>The command's work; <paramref name="beforeReplace"/> is a test hook run just before files are replaced.</summary>
    internal static int Run(string[] inputs, bool migrate, bool all, bool dryRun, TextWriter stdout, TextWriter stderr, string currentDirectory, Action? beforeReplace = null)
    {
        if (!migrate && !all)
        {
            stderr.WriteLine("cog-lsp: fix needs --migrate, --all, or both");
            return 2;
        }

        var files = new List<string>();
        var roots = new List<string>();
        var missing = 0;
        foreach (var input in inputs)
        {
            var full = PathUtil.Normalize(Path.GetFullPath(input, currentDirectory));
            if (Directory.Exists(full))
            {
                roots.Add(full);
                files.AddRange(ProjectDiscovery.FindFiles(PhysicalFileSystem.Instance, full));
            }
            else if (File.Exists(full))
            {
                roots.Add(PathUtil.GetDirectory(full));
                files.Add(full);
            }
            else
            {
                stderr.WriteLine($"cog-lsp: {input}: no such file or directory");
                missing++;
            }
        }

        if (missing > 0 && files.Count == 0)
        {
            return 2;
        }

        var disk = new RecordingFileSystem();
        var initial = WorkspaceSnapshot.Create(disk, roots);
        var workspace = initial;
        var created = new HashSet<string>(StringComparer.Ordinal);
        var touched = new List<string>();
        var ordered = files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        bool Apply(string path, CodeActionItem action)
        {
            var result = WorkspaceEditApplier.Apply(workspace, action.ComputeEdit(CancellationToken.None), out var failure, created);
            if (result is null)
            {
                stderr.WriteLine($"cog-lsp: {Relative(path)}: {action.Title}: {failure}");
                return false;
            }

            workspace = result.Workspace;
            foreach (var (changed, (_, isNew)) in result.Files)
            {
                if (isNew)
                {
                    created.Add(changed);
                }

                if (!touched.Contains(changed))
                {
                    touched.Add(changed);
                }
            }

            // With --dry-run stdout carries the diff alone, so it can be piped to `patch` or `git apply`.
            (dryRun ? stderr : stdout).WriteLine($"{Relative(path)}: {action.Title}");
            return true;
        }

        var ok = true;
        if (migrate)
        {
            foreach (var path in ordered.Where(p => DocumentClassifier.ClassifyByName(p) == DocumentKind.CogYaml))
            {
                if (workspace.GetDocument(path) is { } cogYaml && PythonPackagesMigration.Plan(workspace, cogYaml) is { } plan)
                {
                    ok &= Apply(path, plan.ToAction(CodeActionItem.Refactor));
                }
            }
        }

        if (all)
        {
            var services = LanguageServices.CreateDefault();
            var service = new CodeActionService(services, new DiagnosticService(services));
            foreach (var path in CogProjectLocator.RelatedFiles(workspace, ordered.Concat(touched)).Distinct(StringComparer.Ordinal).ToList())
            {
                var document = CogProjectLocator.GetDocument(workspace, path);
                if (document is null || document.Kind == DocumentKind.Unknown)
                {
                    continue;
                }

                foreach (var action in service.FixAllInFile(workspace, document, CancellationToken.None))
                {
                    ok &= Apply(path, action);
                }

                // One pass only, so a fix can never be applied twice; a fix can uncover another (a renamed
                // key gets checked), which the next run applies.
                var after = CogProjectLocator.GetDocument(workspace, path);
                if (after is not null && after != document && service.FixAllInFile(workspace, after, CancellationToken.None).Count > 0)
                {
                    stderr.WriteLine($"cog-lsp: {Relative(path)}: the fixes uncovered more; run the command again to apply them");
                }
            }
        }

        // What changed, as bytes: the original as read (its byte order mark kept by SourceText) and the new text.
        var writes = new List<AtomicFileWriter.Write>();
        var diff = new System.Text.StringBuilder();
        foreach (var path in touched.Order(StringComparer.Ordinal))
        {
            var original = created.Contains(path) ? null : initial.GetDocument(path);
            var final = workspace.GetDocument(path)!.Text;
            if (original is not null && original.Text.Text == final.Text)
            {
                continue;
            }

            if (original is { HadInvalidUtf8: true })
            {
                stderr.WriteLine($"cog-lsp: {Relative(path)} is not valid UTF-8; refusing to rewrite it");
                ok = false;
                continue;
            }

            var relative = Relative(path);
            diff.Append(UnifiedDiff.Create(original?.Text.Text, final.Text, "a/" + relative, "b/" + relative));
            var stamp = original is null ? new AtomicFileWriter.Stamp(path, null, default) : disk.StampOf(path);
            if (stamp is null)
            {
                stderr.WriteLine($"cog-lsp: {relative} was not read from disk; refusing to rewrite it");
                ok = false;
                continue;
            }

            writes.Add(new AtomicFileWriter.Write(stamp, final.ToBytes()));
        }

        if (!ok)
        {
            stderr.WriteLine("cog-lsp: nothing was written");
            return 1;
        }

        if (writes.Count == 0)
        {
            stdout.WriteLine("Nothing to fix.");
            return 0;
        }

        if (dryRun)
        {
            stdout.Write(diff.ToString());
            return 0;
        }

        var problems = AtomicFileWriter.Commit(writes, beforeReplace);
        foreach (var problem in problems)
        {
            stderr.WriteLine($"cog-lsp: {problem}");
        }

        if (problems.Count > 0)
        {
            return 1;
        }

        foreach (var write in writes)
        {
            stdout.WriteLine($"{(write.Original.Bytes is null ? "created" : "wrote")} {Relative(write.Original.Path)}");
        }

        return 0;

        string Relative(string path) => Path.GetRelativePath(currentDirectory, path).Replace('\\', '/');
    }

    /// <summary>The cog.yaml and requirements files below a folder (bounded depth, tool and VCS folders skipped).</summary>
    /// <summary>The disk, remembering what each file looked like when analysis read it, for the write guard.</summary>
    private sealed class RecordingFileSystem : IFileSystem
    {
        private readonly ConcurrentDictionary<string, AtomicFileWriter.Stamp> _stamps = new(StringComparer.Ordinal);

        public AtomicFileWriter.Stamp? StampOf(string path) => _stamps.GetValueOrDefault(PathUtil.Normalize(path));

        public bool FileExists(string path) => PhysicalFileSystem.Instance.FileExists(path);

        public bool DirectoryExists(string path) => PhysicalFileSystem.Instance.DirectoryExists(path);

        public IEnumerable<string> EnumerateFiles(string directory) => PhysicalFileSystem.Instance.EnumerateFiles(directory);

        public IEnumerable<string> EnumerateDirectories(string directory) => PhysicalFileSystem.Instance.EnumerateDirectories(directory);

        public byte[]? ReadAllBytes(string path)
        {
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists || info.Length > PhysicalFileSystem.MaxFileSize)
                {
                    return null;
                }

                var stamp = AtomicFileWriter.Read(path);
                return _stamps.GetOrAdd(PathUtil.Normalize(path), stamp).Bytes;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
