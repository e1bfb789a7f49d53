using System.Globalization;
using System.Text;

namespace CogLsp.Benchmarks.Requirements;

/// <summary>A deterministic, realistic requirements file: pins, ranges, extras, markers, hashes, comments, options, continuations.</summary>
public static class RequirementsCorpus
{
    public static string Generate(int lines)
    {
        var b = new StringBuilder(lines * 48);
        var ci = CultureInfo.InvariantCulture;
        for (var i = 0; i < lines; i++)
        {
            switch (i % 10)
            {
                case 0:
                    b.Append(ci, $"# section {i}: packages for the model\n");
                    break;
                case 1:
                    b.Append(ci, $"package-{i}=={i % 17}.{i % 7}.{i % 3}\n");
                    break;
                case 2:
                    b.Append(ci, $"Package_{i}[extra,cli]>={i % 5}.0,<{i % 5 + 1}.0  # range\n");
                    break;
                case 3:
                    b.Append(ci, $"pkg{i}=={i % 9}.1.0; python_version < \"3.12\" and sys_platform == 'linux'\n");
                    break;
                case 4:
                    b.Append(ci, $"hashed{i}==1.{i % 11}.0 \\\n    --hash=sha256:{i:x64}\n");
                    break;
                case 5:
                    b.Append(ci, $"--extra-index-url https://example.com/simple/{i % 3}\n");
                    break;
                case 6:
                    b.Append(ci, $"torch=={i % 3 + 1}.{i % 13}.0+cu118\n");
                    break;
                case 7:
                    b.Append(ci, $"lib{i} @ https://example.com/files/lib{i}-1.0.tar.gz\n");
                    break;
                case 8:
                    b.Append(ci, $"tool{i}~={i % 4 + 1}.{i % 6}.0\n");
                    break;
                default:
                    b.Append('\n');
                    break;
            }
        }

        return b.ToString();
    }
}
