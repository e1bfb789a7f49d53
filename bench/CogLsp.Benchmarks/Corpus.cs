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

    public static string CogYaml(string requirements = "requirements.txt") =>
        $"build:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: {requirements}\npredict: \"predict.py:Predictor\"\n";
}
