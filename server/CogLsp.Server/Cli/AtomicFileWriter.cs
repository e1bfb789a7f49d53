namespace CogLsp.Server.Cli;

/// <summary>
/// Writes the files of one `cog-lsp fix` run so that a file is never left half-written and never
/// overwrites a change made by someone else. Each new content goes to a temporary file in the target's
/// folder (same file system, so the final rename is atomic) and is moved over the target only after the
/// target is confirmed to be exactly as it was read: same existence, length, modification time and
/// bytes. Every target is checked before any is replaced, so a refused run writes nothing.
/// </summary>
public static class AtomicFileWriter
{
    /// <summary>A file as it was read: its bytes (null when it did not exist) and its modification time.</summary>
    public sealed record Stamp(string Path, byte[]? Bytes, DateTime LastWriteUtc);

    /// <summary>A new content for a file, guarded by the stamp taken when its old content was read.</summary>
    public sealed record Write(Stamp Original, byte[] Content);

    /// <summary>Reads a file's stamp: the modification time is taken first, so a change during the read is caught later.</summary>
    public static Stamp Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return new Stamp(path, null, default);
        }

        var time = info.LastWriteTimeUtc;
        return new Stamp(path, File.ReadAllBytes(path), time);
    }

    /// <summary>True when the file is still exactly as the stamp recorded it.</summary>
    public static bool IsUnchanged(Stamp stamp)
    {
        try
        {
            var info = new FileInfo(stamp.Path);
            if (stamp.Bytes is null)
            {
                return !info.Exists && !Directory.Exists(stamp.Path);
            }

            return info.Exists
                && info.Length == stamp.Bytes.Length
                && info.LastWriteTimeUtc == stamp.LastWriteUtc
                && File.ReadAllBytes(stamp.Path).AsSpan().SequenceEqual(stamp.Bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes every file, or none when one of them changed since it was read. Returns the problems
    /// (empty on success). <paramref name="beforeReplace"/> runs after the temporary files are written and
    /// before the targets are checked and replaced (tests use it to change a file at the worst moment).
    /// </summary>
    public static IReadOnlyList<string> Commit(IReadOnlyList<Write> writes, Action? beforeReplace = null)
    {
        var problems = Changed(writes);
        if (problems.Count > 0)
        {
            return problems;
        }

        var temporaries = new List<(Write Write, string Temporary)>();
        try
        {
            foreach (var write in writes)
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(write.Original.Path))!;
                Directory.CreateDirectory(directory);
                var temporary = Path.Combine(directory, $".{Path.GetFileName(write.Original.Path)}.cog-lsp-{Guid.NewGuid():N}.tmp");
                File.WriteAllBytes(temporary, write.Content);
                if (write.Original.Bytes is not null && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temporary, File.GetUnixFileMode(write.Original.Path));
                }

                temporaries.Add((write, temporary));
            }

            beforeReplace?.Invoke();

            // The last check before anything is replaced; what changed in the instant between this check
            // and the rename is the one race a plain file system cannot close.
            problems = Changed(writes);
            if (problems.Count > 0)
            {
                return problems;
            }

            foreach (var (write, temporary) in temporaries)
            {
                // Overwrite only a file that existed when it was read; a file to create must still be absent.
                File.Move(temporary, write.Original.Path, overwrite: write.Original.Bytes is not null);
            }

            return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [$"could not write: {e.Message}"];
        }
        finally
        {
            foreach (var (_, temporary) in temporaries)
            {
                try
                {
                    File.Delete(temporary);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A leftover temporary file is harmless; the result is already decided.
                }
            }
        }
    }

    private static List<string> Changed(IReadOnlyList<Write> writes) =>
        writes.Where(w => !IsUnchanged(w.Original))
            .Select(w => w.Original.Bytes is null
                ? $"{w.Original.Path} appeared since the fixes were computed; nothing was written"
                : $"{w.Original.Path} changed on disk since it was read; nothing was written")
            .ToList();
}
