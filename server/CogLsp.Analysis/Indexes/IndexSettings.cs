namespace CogLsp.Analysis.Indexes;

/// <summary>
/// Where the indexes pip would use are read from: <see cref="DefaultIndexUrl"/> stands for pip's default
/// index (PyPI) and <see cref="PyTorchBaseUrl"/> for https://download.pytorch.org/whl/, so a mirror or a test
/// server can take their place. Both end with '/'.
/// </summary>
public sealed record IndexSettings
{
    public const string PyPI = "https://pypi.org/simple/";

    /// <summary>The PyTorch wheel index base Cog's table points its rewritten torch pins at.</summary>
    public const string PyTorchBase = "https://download.pytorch.org/whl/";

    public IndexSettings(string defaultIndexUrl = PyPI, string pyTorchBaseUrl = PyTorchBase)
    {
        DefaultIndexUrl = WithSlash(defaultIndexUrl);
        PyTorchBaseUrl = WithSlash(pyTorchBaseUrl);
    }

    public static IndexSettings Default { get; } = new();

    public string DefaultIndexUrl { get; }

    public string PyTorchBaseUrl { get; }

    /// <summary>A URL under the PyTorch base, re-rooted on <see cref="PyTorchBaseUrl"/>; any other URL unchanged.</summary>
    public string MapPyTorch(string url)
    {
        if (PyTorchBaseUrl == PyTorchBase)
        {
            return url;
        }

        var trimmed = url.TrimEnd('/') + "/";
        if (trimmed.StartsWith(PyTorchBase, StringComparison.OrdinalIgnoreCase))
        {
            return PyTorchBaseUrl + url[Math.Min(PyTorchBase.Length, url.Length)..];
        }

        return url;
    }

    private static string WithSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
