using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CogLsp.Syntax.Shell;

namespace CogLsp.Analysis.CogYaml.BuildRun;

/// <summary>
/// Finds pip in a simple command: `pip`, `pip3`, `pip3.11` (by the program's file name, so
/// `/usr/local/bin/pip` too), `python[3[.X]] -m pip`, and `uv pip`, after the prefixes that run a
/// program unchanged (`sudo`, `env`, `command`, `exec`, `nohup`, `time`, `uv run`, and the shell keywords
/// that may start a command such as `then`). Options are read as pip's option parser reads them: a
/// value-taking option takes the next word (or the rest of its cluster, or `=value`), a long option may be
/// abbreviated to a unique prefix, and `--` ends the options; everything else is a positional argument.
/// </summary>
public static partial class PipCommandRecognizer
{
    /// <summary>Long options of pip (install and the general ones) and of uv pip that take a value.</summary>
    private static readonly FrozenSet<string> LongValueOptions = new[]
    {
        // pip install
        "--requirement", "--constraint", "--editable", "--target", "--platform", "--python-version", "--implementation",
        "--abi", "--root", "--prefix", "--src", "--upgrade-strategy", "--config-settings", "--global-option",
        "--no-binary", "--only-binary", "--progress-bar", "--root-user-action", "--report", "--index-url",
        "--extra-index-url", "--find-links", "--group", "--build-constraint",
        // pip's general options
        "--python", "--log", "--log-file", "--local-log", "--proxy", "--retries", "--timeout", "--exists-action",
        "--trusted-host", "--cert", "--client-cert", "--cache-dir", "--keyring-provider", "--use-feature",
        "--use-deprecated", "--resume-retries",
        // uv pip install
        "--index", "--default-index", "--index-strategy", "--torch-backend", "--resolution", "--prerelease",
        "--override", "--exclude-newer", "--config-setting", "--link-mode", "--python-platform", "--extra",
        "--reinstall-package", "--upgrade-package", "--no-binary-package", "--refresh-package", "--directory", "--project",
        "--config-file", "--allow-insecure-host", "--fork-strategy", "--overrides",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Long options of pip and uv pip that take no value (for unique-prefix matching).</summary>
    private static readonly string[] LongFlags =
    [
        "--upgrade", "--force-reinstall", "--no-deps", "--pre", "--ignore-installed", "--ignore-requires-python",
        "--no-build-isolation", "--use-pep517", "--no-use-pep517", "--check-build-dependencies", "--break-system-packages",
        "--no-clean", "--require-hashes", "--prefer-binary", "--no-index", "--user", "--no-user", "--no-compile",
        "--compile", "--no-warn-script-location", "--no-warn-conflicts", "--dry-run", "--quiet", "--verbose",
        "--no-cache-dir", "--disable-pip-version-check", "--no-input", "--isolated", "--no-color", "--yes",
        "--system", "--reinstall", "--no-cache", "--refresh", "--strict", "--exact", "--no-build", "--offline",
        "--help", "--version", "--debug", "--require-virtualenv",
    ];

    private static readonly string[] LongOptions = [.. LongValueOptions, .. LongFlags];

    /// <summary>Short options that take a value (pip: -r -c -e -t -i -f -C; uv: -p).</summary>
    private const string ShortValueOptions = "rceticfCp";

    /// <summary>Programs that run the rest of the command line as a command of its own.</summary>
    private static readonly FrozenSet<string> Prefixes = new[] { "sudo", "env", "command", "exec", "nohup", "time", "builtin", "then", "else", "do", "if", "elif", "while", "until", "!", "{" }
        .ToFrozenSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^pip(\d+(\.\d+)?)?$")]
    private static partial Regex PipProgram();

    [GeneratedRegex(@"^python(\d+(\.\d+)?)?$")]
    private static partial Regex PythonProgram();

    /// <summary>True when <paramref name="fileName"/> is the name of a pip executable (pip, pip3, pip3.11).</summary>
    public static bool IsPipName(string fileName) => PipProgram().IsMatch(fileName);

    /// <summary>The pip command in <paramref name="command"/>, or null when it runs something else.</summary>
    public static PipInvocation? Recognize(ShellCommand command)
    {
        var words = command.Words;
        var i = SkipPrefixes(words, 0);
        if (i >= words.Length || words[i].HasExpansion)
        {
            return null;
        }

        var program = FileName(words[i].Value);
        int launcherEnd;
        var isUv = false;
        if (PipProgram().IsMatch(program))
        {
            launcherEnd = i + 1;
        }
        else if (PythonProgram().IsMatch(program))
        {
            // python's own flags come before -m; `-mpip` is one word.
            var j = i + 1;
            while (j < words.Length && words[j].Value.StartsWith('-') && words[j].Value != "-m" && !words[j].Value.StartsWith("-m", StringComparison.Ordinal))
            {
                j++;
            }

            if (j < words.Length && words[j].Value == "-mpip")
            {
                launcherEnd = j + 1;
            }
            else if (j + 1 < words.Length && words[j].Value == "-m" && words[j + 1].Value == "pip")
            {
                launcherEnd = j + 2;
            }
            else
            {
                return null;
            }
        }
        else if (program == "uv" && i + 1 < words.Length && words[i + 1].Value == "pip")
        {
            launcherEnd = i + 2;
            isUv = true;
        }
        else
        {
            return null;
        }

        var launcher = string.Join(" ", words[i..launcherEnd].Select(w => w.Value));
        return ReadArguments(command, words, launcherEnd, launcher, isUv);
    }

    /// <summary>The index of the program after prefixes that run their arguments as a command (`sudo -H`, `env A=1`, `uv run`).</summary>
    public static int ProgramIndex(ImmutableArray<ShellWord> words) => SkipPrefixes(words, 0);

    private static int SkipPrefixes(ImmutableArray<ShellWord> words, int i)
    {
        while (i < words.Length)
        {
            var value = words[i].Value;
            if (value == "uv" && i + 1 < words.Length && words[i + 1].Value == "run")
            {
                i += 2;
                while (i < words.Length && words[i].Value.StartsWith('-'))
                {
                    i++;
                }

                continue;
            }

            if (!Prefixes.Contains(value))
            {
                return i;
            }

            i++;
            // The prefix's own options (sudo -u user, env -u NAME) and env's assignments.
            while (i < words.Length && (words[i].Value.StartsWith('-') || (value == "env" && words[i].Value.Contains('=', StringComparison.Ordinal))))
            {
                var takesValue = value == "sudo" ? words[i].Value is "-u" or "-g" or "-C" or "-D" or "-h" or "-p" or "-r" or "-t" or "-U" or "-T"
                    : value == "env" && words[i].Value is "-u" or "-C" or "-S" or "--unset" or "--chdir";
                i += takesValue ? 2 : 1;
            }
        }

        return i;
    }

    private static PipInvocation ReadArguments(ShellCommand command, ImmutableArray<ShellWord> words, int i, string launcher, bool isUv)
    {
        var subcommand = string.Empty;
        var arguments = ImmutableArray.CreateBuilder<ShellWord>();
        var files = ImmutableArray.CreateBuilder<ShellWord>();
        var extra = ImmutableArray.CreateBuilder<ShellWord>();
        var findLinks = ImmutableArray.CreateBuilder<ShellWord>();
        ShellWord? index = null;
        bool upgrade = false, force = false, noDeps = false, pre = false, elsewhere = false, noIndex = false;
        var optionsEnded = false;
        while (i < words.Length)
        {
            var word = words[i++];
            var value = word.Value;
            if (optionsEnded || !value.StartsWith('-') || value == "-")
            {
                if (subcommand.Length == 0)
                {
                    subcommand = value;
                }
                else
                {
                    arguments.Add(word);
                }

                continue;
            }

            if (value == "--")
            {
                optionsEnded = true;
                continue;
            }

            // (option name, its value word or null, whether a value was taken)
            var options = new List<(string Name, ShellWord? Value)>();
            if (value.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = value.IndexOf('=', StringComparison.Ordinal);
                var name = Expand(eq < 0 ? value : value[..eq]);
                if (eq >= 0)
                {
                    options.Add((name, Slice(word, eq + 1)));
                }
                else if (LongValueOptions.Contains(name))
                {
                    options.Add((name, i < words.Length ? words[i++] : null));
                }
                else
                {
                    options.Add((name, null));
                }
            }
            else
            {
                // A cluster of short options: the first value-taking one takes the rest of the word, or the next word.
                for (var k = 1; k < value.Length; k++)
                {
                    var letter = value[k];
                    if (ShortValueOptions.Contains(letter, StringComparison.Ordinal))
                    {
                        var taken = k + 1 < value.Length ? Slice(word, k + 1) : i < words.Length ? words[i++] : null;
                        options.Add(("-" + letter, taken));
                        break;
                    }

                    options.Add(("-" + letter, null));
                }
            }

            foreach (var (name, optionValue) in options)
            {
                switch (name)
                {
                    case "-r" or "--requirement" when optionValue is not null:
                        files.Add(optionValue);
                        break;
                    case "-i" or "--index-url" or "--default-index" when optionValue is not null:
                        index = optionValue;
                        break;
                    case "--extra-index-url" or "--index" when optionValue is not null:
                        extra.Add(optionValue);
                        break;
                    case "-f" or "--find-links" when optionValue is not null:
                        findLinks.Add(optionValue);
                        break;
                    case "-U" or "--upgrade":
                        upgrade = true;
                        break;
                    case "--force-reinstall" or "--reinstall":
                        force = true;
                        break;
                    case "--no-deps":
                        noDeps = true;
                        break;
                    case "--pre":
                        pre = true;
                        break;
                    case "--no-index":
                        noIndex = true;
                        break;
                    case "-t" or "--target" or "--prefix" or "--root":
                        elsewhere = true;
                        break;
                }
            }
        }

        return new PipInvocation
        {
            Command = command,
            Launcher = launcher,
            IsUv = isUv,
            Subcommand = subcommand,
            Arguments = arguments.ToImmutable(),
            RequirementFiles = files.ToImmutable(),
            IndexUrl = index,
            ExtraIndexUrls = extra.ToImmutable(),
            FindLinks = findLinks.ToImmutable(),
            Upgrade = upgrade,
            ForceReinstall = force,
            NoDeps = noDeps,
            Pre = pre,
            NoIndex = noIndex,
            InstallsElsewhere = elsewhere,
        };
    }

    /// <summary>pip's option parser accepts a unique prefix of a long option (`--extra-index` is `--extra-index-url`).</summary>
    private static string Expand(string name)
    {
        if (LongValueOptions.Contains(name) || Array.IndexOf(LongFlags, name) >= 0)
        {
            return name;
        }

        var matches = LongOptions.Where(o => o.StartsWith(name, StringComparison.Ordinal)).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : name;
    }

    /// <summary>The part of a word from <paramref name="start"/> on, as a word of its own (an option's attached value).</summary>
    private static ShellWord Slice(ShellWord word, int start) => word.Slice(start);

    /// <summary>The last path component of a program name (`/usr/local/bin/pip3` → `pip3`).</summary>
    public static string FileName(string program)
    {
        var slash = program.LastIndexOf('/');
        return slash < 0 ? program : program[(slash + 1)..];
    }
}
