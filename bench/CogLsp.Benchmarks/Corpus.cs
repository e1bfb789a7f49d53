using System.Text;

namespace CogLsp.Benchmarks;

/// <summary>Realistic generated inputs: a requirements file with the mix of lines real projects have.</summary>
public static class Corpus
{
    public static string RequirementsFile(int lines)
    {
        var builder = new StringBuilder();
        string[] shapes =
        [
            "package{0}=={1}.{2}.0",
            "package{0}>={1}.0,<{2}.0  # range",
            "# comment about package {0}",
            "package{0}[extra]=={1}.{2} ; python_version >= \"3.8\"",
            "--extra-index-url https://example.org/simple/{0}",
            "package-{0} @ https://example.org/files/package-{0}-{1}.{2}.tar.gz",
            "package{0}~={1}.{2} \\",
            "    --hash=sha256:{1}{2}{0}abcdef0123456789abcdef0123456789abcdef0123456789abcdef01234",
            "",
        ];
        for (var i = 0; i < lines; i++)
        {
            builder.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, shapes[i % shapes.Length], i, i % 7 + 1, i % 13);
            builder.Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>A file as pip-compile writes it: exact pins, each followed by a "# via" comment; a few extras and markers.</summary>
    public static string PinnedRequirementsFile(int lines) => PinnedRequirementsFile(lines, markers: true);

    /// <summary>
    /// A pip-compile file with nothing to report: exact pins, extras, "# via" comments, no markers (Cog drops
    /// markers, which is worth a warning). Its diagnostics do not grow with its length, so typing in it
    /// measures the analysis alone rather than the cost of sending a long diagnostic list.
    /// </summary>
    public static string CleanRequirementsFile(int lines) => PinnedRequirementsFile(lines, markers: false);

    private static string PinnedRequirementsFile(int lines, bool markers)
    {
        var builder = new StringBuilder("# This file was generated from requirements.in\n");
        for (var i = 1; i < lines; i += 2)
        {
            var name = i % 17 == 0 ? $"package-{i}[extra]" : $"package-{i}";
            var marker = markers && i % 23 == 0 ? " ; python_version >= \"3.9\"" : string.Empty;
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"{name}=={i % 9 + 1}.{i % 31}.{i % 7}{marker}\n");
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"    # via package-{(i * 7) % lines}\n");
        }

        return builder.ToString();
    }

    public static string CogYaml(string requirements = "requirements.txt") =>
        $"build:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: {requirements}\npredict: \"predict.py:Predictor\"\n";
}
