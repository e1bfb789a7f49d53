using System.Collections.Immutable;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace CogLsp.Syntax.Pep440;

/// <summary>
/// A PEP 440 version: [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local], parsed with the spec's
/// normalizations (case, separators, spelling variants like "alpha" or "rev", implicit numbers) and
/// ordered by the spec's rules: dev releases sort before pre-releases of the same release, which sort
/// before the release, which sorts before its post-releases; a local version sorts after its public
/// version. Numbers are unbounded, as in Python.
/// </summary>
public sealed partial class Pep440Version : IComparable<Pep440Version>, IEquatable<Pep440Version>
{
    private Pep440Version(
        BigInteger epoch,
        ImmutableArray<BigInteger> release,
        string? preLabel,
        BigInteger preNumber,
        BigInteger? post,
        BigInteger? dev,
        ImmutableArray<string> local)
    {
        Epoch = epoch;
        Release = release;
        PreLabel = preLabel;
        PreNumber = preNumber;
        Post = post;
        Dev = dev;
        Local = local;
    }

    public BigInteger Epoch { get; }

    public ImmutableArray<BigInteger> Release { get; }

    /// <summary>"a", "b" or "rc" (normalized), or null for no pre-release segment.</summary>
    public string? PreLabel { get; }

    public BigInteger PreNumber { get; }

    public BigInteger? Post { get; }

    public BigInteger? Dev { get; }

    /// <summary>Local segments, lower case, split at '.', '-' and '_'; empty when there is no local label.</summary>
    public ImmutableArray<string> Local { get; }

    /// <summary>True for dev releases and pre-releases, the versions pip skips unless asked for them.</summary>
    public bool IsPrerelease => PreLabel is not null || Dev is not null;

    public bool IsPostrelease => Post is not null;

    public bool IsDevrelease => Dev is not null;

    public bool HasLocal => !Local.IsEmpty;

    /// <summary>The version without its local label.</summary>
    public Pep440Version PublicVersion => HasLocal ? new(Epoch, Release, PreLabel, PreNumber, Post, Dev, []) : this;

    /// <summary>Epoch and release only.</summary>
    public Pep440Version BaseVersion => new(Epoch, Release, null, 0, null, null, []);

    public static bool TryParse(string? text, out Pep440Version version)
    {
        version = null!;
        if (text is null)
        {
            return false;
        }

        if (TryParsePlain(text, out version))
        {
            return true;
        }

        var m = VersionPattern().Match(text);
        if (!m.Success)
        {
            return false;
        }

        var epoch = m.Groups["epoch"].Success ? BigInteger.Parse(m.Groups["epoch"].Value, System.Globalization.CultureInfo.InvariantCulture) : BigInteger.Zero;
        var release = m.Groups["release"].Value.Split('.').Select(s => BigInteger.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToImmutableArray();
        string? preLabel = null;
        var preNumber = BigInteger.Zero;
        if (m.Groups["pre_l"].Success)
        {
            preLabel = m.Groups["pre_l"].Value.ToLowerInvariant() switch
            {
                "alpha" or "a" => "a",
                "beta" or "b" => "b",
                _ => "rc",
            };
            preNumber = m.Groups["pre_n"].Success ? ParseNumber(m.Groups["pre_n"].Value) : 0;
        }

        BigInteger? post = null;
        if (m.Groups["post_n1"].Success)
        {
            post = ParseNumber(m.Groups["post_n1"].Value);
        }
        else if (m.Groups["post_l"].Success)
        {
            post = m.Groups["post_n2"].Success ? ParseNumber(m.Groups["post_n2"].Value) : 0;
        }

        BigInteger? dev = m.Groups["dev_l"].Success ? (m.Groups["dev_n"].Success ? ParseNumber(m.Groups["dev_n"].Value) : 0) : null;
        var local = m.Groups["local"].Success
            ? m.Groups["local"].Value.ToLowerInvariant().Split('.', '-', '_').Select(NormalizeLocalPart).ToImmutableArray()
            : [];
        version = new Pep440Version(epoch, release, preLabel, preNumber, post, dev, local);
        return true;
    }

    /// <summary>The common "1.2.3" spelling without the regex.</summary>
    private static bool TryParsePlain(string text, out Pep440Version version)
    {
        version = null!;
        if (text.Length == 0 || text.Length > 60)
        {
            return false;
        }

        var count = 0;
        long current = 0;
        var digits = 0;
        var localStart = text.IndexOf('+');
        var release = localStart < 0 ? text : text[..localStart];
        var local = ImmutableArray<string>.Empty;
        if (localStart >= 0)
        {
            var segments = text[(localStart + 1)..].Split('.', '-', '_');
            foreach (var segment in segments)
            {
                if (segment.Length == 0 || !segment.All(char.IsAsciiLetterOrDigit))
                {
                    return false;
                }
            }

            local = segments.Select(x => NormalizeLocalPart(x.ToLowerInvariant())).ToImmutableArray();
        }

        foreach (var c in release)
        {
            if (char.IsAsciiDigit(c))
            {
                current = current * 10 + (c - '0');
                if (++digits > 15)
                {
                    return false;
                }
            }
            else if (c == '.' && digits > 0 && count < 15)
            {
                count++;
                current = 0;
                digits = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        var parts = new BigInteger[count + 1];
        var index = 0;
        long value = 0;
        foreach (var c in release)
        {
            if (c == '.')
            {
                parts[index++] = value;
                value = 0;
            }
            else
            {
                value = value * 10 + (c - '0');
            }
        }

        parts[index] = value;
        version = new Pep440Version(BigInteger.Zero, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(parts), null, 0, null, null, local);
        return true;
    }

    public static Pep440Version? TryParse(string? text) => TryParse(text, out var v) ? v : null;

    public static Pep440Version Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a PEP 440 version.");

    /// <summary>The normalized spelling, e.g. "1.0-RC.1" gives "1.0rc1", "1.0-1" gives "1.0.post1".</summary>
    public override string ToString()
    {
        var b = new StringBuilder();
        if (!Epoch.IsZero)
        {
            b.Append(Epoch).Append('!');
        }

        b.AppendJoin('.', Release);
        if (PreLabel is not null)
        {
            b.Append(PreLabel).Append(PreNumber);
        }

        if (Post is not null)
        {
            b.Append(".post").Append(Post.Value);
        }

        if (Dev is not null)
        {
            b.Append(".dev").Append(Dev.Value);
        }

        if (HasLocal)
        {
            b.Append('+').AppendJoin('.', Local);
        }

        return b.ToString();
    }

    public int CompareTo(Pep440Version? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Epoch.CompareTo(other.Epoch);
        if (c != 0)
        {
            return c;
        }

        c = CompareRelease(Release, other.Release);
        if (c != 0)
        {
            return c;
        }

        c = PreKey(this).CompareTo(PreKey(other));
        if (c != 0)
        {
            return c;
        }

        if (PreLabel is not null && other.PreLabel is not null)
        {
            c = string.CompareOrdinal(PreLabel, other.PreLabel);
            if (c != 0)
            {
                return c;
            }

            c = PreNumber.CompareTo(other.PreNumber);
            if (c != 0)
            {
                return c;
            }
        }

        // A missing post segment sorts before any post release.
        c = (Post is null ? -1 : 0).CompareTo(other.Post is null ? -1 : 0);
        if (c != 0)
        {
            return c;
        }

        if (Post is not null)
        {
            c = Post.Value.CompareTo(other.Post!.Value);
            if (c != 0)
            {
                return c;
            }
        }

        // A missing dev segment sorts after any dev release.
        c = (Dev is null ? 1 : 0).CompareTo(other.Dev is null ? 1 : 0);
        if (c != 0)
        {
            return c;
        }

        if (Dev is not null)
        {
            c = Dev.Value.CompareTo(other.Dev!.Value);
            if (c != 0)
            {
                return c;
            }
        }

        return CompareLocal(Local, other.Local);
    }

    public bool Equals(Pep440Version? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is Pep440Version v && Equals(v);

    public override int GetHashCode()
    {
        var release = Release;
        var end = release.Length;
        while (end > 0 && release[end - 1].IsZero)
        {
            end--;
        }

        var hash = new HashCode();
        hash.Add(Epoch);
        for (var i = 0; i < end; i++)
        {
            hash.Add(release[i]);
        }

        hash.Add(PreLabel);
        hash.Add(Post);
        hash.Add(Dev);
        return hash.ToHashCode();
    }

    public static bool operator <(Pep440Version left, Pep440Version right) => left.CompareTo(right) < 0;

    public static bool operator >(Pep440Version left, Pep440Version right) => left.CompareTo(right) > 0;

    public static bool operator <=(Pep440Version left, Pep440Version right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Pep440Version left, Pep440Version right) => left.CompareTo(right) >= 0;

    public static bool operator ==(Pep440Version? left, Pep440Version? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Pep440Version? left, Pep440Version? right) => !(left == right);

    /// <summary>Where the pre-release part puts a version: a dev-only release first, then pre-releases, then final releases.</summary>
    private static int PreKey(Pep440Version v) => v.PreLabel is not null ? 0 : v.Post is null && v.Dev is not null ? -1 : 1;

    private static int CompareRelease(ImmutableArray<BigInteger> a, ImmutableArray<BigInteger> b)
    {
        // Trailing zeros do not count: 1.0 == 1.0.0.
        var n = Math.Max(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var x = i < a.Length ? a[i] : BigInteger.Zero;
            var y = i < b.Length ? b[i] : BigInteger.Zero;
            var c = x.CompareTo(y);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private static int CompareLocal(ImmutableArray<string> a, ImmutableArray<string> b)
    {
        // No local label sorts first; numeric segments sort after alphanumeric ones; a shorter prefix sorts first.
        if (a.IsEmpty || b.IsEmpty)
        {
            return (a.IsEmpty ? 0 : 1).CompareTo(b.IsEmpty ? 0 : 1);
        }

        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var aNum = IsNumber(a[i]);
            var bNum = IsNumber(b[i]);
            int c;
            if (aNum && bNum)
            {
                c = BigInteger.Parse(a[i], System.Globalization.CultureInfo.InvariantCulture).CompareTo(BigInteger.Parse(b[i], System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (aNum != bNum)
            {
                c = aNum ? 1 : -1;
            }
            else
            {
                c = string.CompareOrdinal(a[i], b[i]);
            }

            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private static bool IsNumber(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    private static BigInteger ParseNumber(string s) => BigInteger.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static string NormalizeLocalPart(string part) => IsNumber(part) ? ParseNumber(part).ToString(System.Globalization.CultureInfo.InvariantCulture) : part;

    /// <summary>The version grammar of PEP 440 with all the spellings its normalization accepts.</summary>
    internal const string VersionBody = """
        v?
        (?:
            (?:(?<epoch>[0-9]+)!)?
            (?<release>[0-9]+(?:\.[0-9]+)*)
            (?<pre>
                [-_\.]?
                (?<pre_l>alpha|a|beta|b|preview|pre|c|rc)
                [-_\.]?
                (?<pre_n>[0-9]+)?
            )?
            (?<post>
                (?:-(?<post_n1>[0-9]+))
                |
                (?:
                    [-_\.]?
                    (?<post_l>post|rev|r)
                    [-_\.]?
                    (?<post_n2>[0-9]+)?
                )
            )?
            (?<dev>
                [-_\.]?
                (?<dev_l>dev)
                [-_\.]?
                (?<dev_n>[0-9]+)?
            )?
        )
        (?:\+(?<local>[a-z0-9]+(?:[-_\.][a-z0-9]+)*))?
        """;

    [GeneratedRegex(@"^\s*" + VersionBody + @"\s*$", RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
