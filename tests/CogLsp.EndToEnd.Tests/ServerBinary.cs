using System.Diagnostics;

namespace CogLsp.EndToEnd.Tests;

/// <summary>
/// Finds the built `cog-lsp` executable (the same configuration as these tests, or COG_LSP_BINARY when
/// set, e.g. to test a published self-contained build) and runs it as a child process.
/// </summary>
public static class ServerBinary
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Path
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable("COG_LSP_BINARY");
            if (!string.IsNullOrEmpty(overridden))
            {
                return overridden;
            }

            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar)).Parent!.Name;
            var candidate = System.IO.Path.Combine(RepositoryRoot, "server", "CogLsp.Server", "bin", configuration, "net10.0", OperatingSystem.IsWindows() ? "cog-lsp.exe" : "cog-lsp");
            return File.Exists(candidate) ? candidate : throw new FileNotFoundException("The cog-lsp executable was not built", candidate);
        }
    }

    public static Process StartInRoot(params string[] arguments) => Start(null, arguments);

    public static Process Start(string? workingDirectory, params string[] arguments) => Start(workingDirectory, null, arguments);

    /// <summary>Starts the executable with <paramref name="environment"/> set on top of this process's variables.</summary>
    public static Process Start(string? workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var info = new ProcessStartInfo(Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    /// <summary>Runs the CLI to completion and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string? workingDirectory, params string[] arguments) =>
        RunAsync(workingDirectory, null, arguments);

    /// <summary>Runs the CLI to completion with extra environment variables (e.g. a PATH with fake tools first).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string? workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using var process = Start(workingDirectory, environment, arguments);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "CogLsp.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CogLsp.sln not found above " + AppContext.BaseDirectory);
    }
}
