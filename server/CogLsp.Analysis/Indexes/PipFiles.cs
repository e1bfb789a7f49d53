using System.Text.RegularExpressions;
using CogLsp.Syntax.Pep440;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// pip's LinkEvaluator.evaluate_link for index files, without the network: which files of a page belong to
/// a project, with which version, and whether they install in the image. Yanked files are evaluated like any
/// other (pip's resolver asks the finder with allow_yanked and applies the yank rule later).
/// `--no-binary`/`--only-binary` (the `formats` of <see cref="Evaluate"/>) turn a file that would
/// install into <see cref="FileVerdict.FormatNotAllowed"/>; a file that does not fit the image keeps the verdict
/// that says why, since it is out either way. Not modelled: `#egg=` fragments (find-links only, long deprecated).
/// </summary>
public static partial class PipFiles
{
    /// <summary>pip's SUPPORTED_EXTENSIONS (utils/filetypes.py), compared case-sensitively as pip does.</summary>
    private static readonly string[] SupportedExtensions =
        [".zip", ".whl", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma", ".tar.gz", ".tgz", ".tar"];

    public static FileEvaluation Evaluate(IndexFile file, IndexSource source, string canonicalProject, ImageTarget target, AllowedFormats formats = AllowedFormats.Both)
    {
        FileEvaluation Verdict(FileVerdict verdict, Pep440Version? version = null, WheelFileName? wheel = null, int? priority = null) =>
            new(file, source, verdict, version, wheel, priority);

        var (stem, ext) = SplitExtension(file.FileName);
        if (ext.Length == 0 || Array.IndexOf(SupportedExtensions, ext) < 0)
        {
            return Verdict(FileVerdict.UnsupportedFormat);
        }

        // pip skips old macOS zip bundles by the URL path.
        if (ext == ".zip" && file.Url.Contains("macosx10", StringComparison.Ordinal))
        {
            return Verdict(FileVerdict.UnsupportedFormat);
        }

        string versionText;
        WheelFileName? wheel = null;
        int? priority = null;
        if (ext == ".whl")
        {
            wheel = WheelFileName.TryParse(file.FileName);
            if (wheel is null)
            {
                return Verdict(FileVerdict.InvalidName);
            }

            if (PackageName.Normalize(wheel.Name) != canonicalProject)
            {
                return Verdict(FileVerdict.DifferentProject);
            }

            versionText = wheel.Version;
            priority = wheel.BestPriority(ImageTags.For(target));
        }
        else
        {
            var separator = NameVersionSeparator(stem, canonicalProject);
            if (separator < 0)
            {
                // pip cannot tell this file's project apart; for a find-links page it is another project's.
                return Verdict(FileVerdict.DifferentProject);
            }

            versionText = stem[(separator + 1)..];
            if (versionText.Length == 0)
            {
                return Verdict(FileVerdict.InvalidName);
            }
        }

        // An sdist may carry the Python it is for ("foo-1.0-py2.7"); pip strips it and requires a match.
        string? pythonSuffix = null;
        var py = PythonSuffix().Match(versionText);
        if (py.Success)
        {
            pythonSuffix = py.Groups[1].Value;
            versionText = versionText[..py.Index];
        }

        if (!Pep440Version.TryParse(versionText, out var version))
        {
            return Verdict(FileVerdict.InvalidVersion, null, wheel);
        }

        if (wheel is not null && priority is null)
        {
            return Verdict(FileVerdict.PlatformMismatch, version, wheel);
        }

        if (pythonSuffix is not null && pythonSuffix != target.PythonVersion)
        {
            return Verdict(FileVerdict.PlatformMismatch, version, wheel);
        }

        if (!SupportsPython(file.RequiresPython, target))
        {
            return Verdict(FileVerdict.RequiresPythonMismatch, version, wheel, priority);
        }

        var allowed = wheel is not null ? AllowedFormats.Binary : AllowedFormats.Source;
        return Verdict((formats & allowed) == 0 ? FileVerdict.FormatNotAllowed : FileVerdict.Candidate, version, wheel, priority);
    }

    /// <summary>
    /// pip's check_requires_python against the image's X.Y.Z: no value, or a value that is not a valid
    /// specifier set, does not exclude anything (pip logs it and goes on).
    /// </summary>
    public static bool SupportsPython(string? requiresPython, ImageTarget target)
    {
        if (requiresPython is null || !Pep440SpecifierSet.TryParse(requiresPython, out var set))
        {
            return true;
        }

        var python = Pep440Version.Parse($"{target.PythonMajor}.{target.PythonMinor}.{target.PythonMicro}");
        return set.Contains(python);
    }

    /// <summary>pip's utils.misc.splitext: like posixpath.splitext, but ".tar.gz" and friends stay whole.</summary>
    public static (string Stem, string Extension) SplitExtension(string fileName)
    {
        var dot = fileName.LastIndexOf('.');

        // posixpath.splitext ignores leading dots of the name (".bashrc" has no extension).
        var firstNonDot = 0;
        while (firstNonDot < fileName.Length && fileName[firstNonDot] == '.')
        {
            firstNonDot++;
        }

        if (dot < firstNonDot)
        {
            return (fileName, string.Empty);
        }

        var stem = fileName[..dot];
        var ext = fileName[dot..];
        if (stem.EndsWith(".tar", StringComparison.OrdinalIgnoreCase))
        {
            ext = stem[^4..] + ext;
            stem = stem[..^4];
        }

        return (stem, ext);
    }

    /// <summary>
    /// pip's _find_name_version_sep: the first '-' whose prefix normalises to the project name, or −1.
    /// ("foo__bar-1.0" for foo-bar splits after "foo__bar"; "foo-bar-1.0" for foo does not match foo-bar.)
    /// </summary>
    public static int NameVersionSeparator(string stem, string canonicalProject)
    {
        for (var i = 0; i < stem.Length; i++)
        {
            if (stem[i] == '-' && PackageName.Normalize(stem[..i]) == canonicalProject)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"-py([123]\.?[0-9]?)$")]
    private static partial Regex PythonSuffix();
}
