using System.Text.RegularExpressions;
using CogLsp.Syntax.Shell;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml.BuildRun;

/// <summary>
/// A shell command that replaces or removes the pip executable: `ln` onto it, `rm` of it, `mv`/`cp`
/// onto it, a redirection that writes over it, or `pip uninstall pip`. pip is named by a path to a pip
/// executable in a `bin` directory (`/usr/local/bin/pip3`) or by a substitution that looks it up
/// (`$(which pip)`, `` `command -v pip3` ``); a bare `pip` word is a file in the working directory.
/// </summary>
public sealed partial record PipReplacement(TextSpan Span, string What, bool Removes)
{
    [GeneratedRegex(@"^(\$\(|`)\s*(which|command\s+-v|type\s+-p)\s+(?<name>pip(\d+(\.\d+)?)?)\s*(\)|`)$")]
    private static partial Regex LookUp();

    /// <summary>The replacements in one simple command (spans in the command text).</summary>
    public static IEnumerable<PipReplacement> Find(ShellCommand command)
    {
        foreach (var redirect in command.Redirects)
        {
            if (redirect.Writes && redirect.Target is { } target && NamesPip(target))
            {
                yield return new PipReplacement(redirect.Span, $"writes over pip (`{redirect.Operator} {target.Value}`)", false);
            }
        }

        var words = command.Words;
        var p = PipCommandRecognizer.ProgramIndex(words);
        if (p >= words.Length)
        {
            yield break;
        }

        var program = PipCommandRecognizer.FileName(words[p].Value);
        var arguments = words[(p + 1)..].Where(w => !w.Value.StartsWith('-')).ToList();
        var span = TextSpan.FromBounds(words[p].Span.Start, words[^1].Span.End);
        switch (program)
        {
            case "ln" or "mv" or "cp" or "install" when arguments.Count >= 2 && NamesPip(arguments[^1]):
                var source = arguments[^2].Value;
                var verb = program == "ln" ? "links" : program == "mv" ? "moves" : "copies";
                yield return new PipReplacement(span, $"{verb} `{source}` over pip (`{arguments[^1].Value}`), so later `pip` commands run `{PipCommandRecognizer.FileName(source)}` instead", false);
                break;
            case "mv" when arguments.Count >= 2 && NamesPip(arguments[0]):
                yield return new PipReplacement(span, $"moves pip away (`{arguments[0].Value}`)", true);
                break;
            case "rm" or "unlink" when arguments.FirstOrDefault(NamesPip) is { } removed:
                yield return new PipReplacement(span, $"removes pip (`{removed.Value}`)", true);
                break;
        }

        if (PipCommandRecognizer.Recognize(command) is { IsUninstall: true } uninstall && uninstall.Arguments.Any(a => a.Value.Equals("pip", StringComparison.OrdinalIgnoreCase)))
        {
            yield return new PipReplacement(span, "uninstalls pip", true);
        }
    }

    /// <summary>True when a word names the pip executable: a path to it, or a look-up of it.</summary>
    public static bool NamesPip(ShellWord word)
    {
        var value = word.Value.Trim();
        if (word.HasExpansion)
        {
            return LookUp().IsMatch(value);
        }

        // A literal path counts when it is in a directory of executables (`…/bin/pip`), not a cache or data folder.
        var slash = value.LastIndexOf('/');
        var directory = slash < 0 ? string.Empty : PipCommandRecognizer.FileName(value[..slash]);
        return directory is "bin" or "sbin" && PipCommandRecognizer.IsPipName(value[(slash + 1)..]);
    }
}
