using CogLsp.Syntax.Pep440;
using CogLsp.Syntax.Tests.Requirements;

namespace CogLsp.Syntax.Tests.Pep440;

/// <summary>PEP 440 ordering, normalization and specifier matching against pip's vendored packaging, on a generated corpus.</summary>
public sealed class PackagingOracleTests
{
    private sealed record Answer(List<int> order, List<int> contains, List<string> canonical);

    [Fact]
    public void Ordering_normalization_and_matching_agree_with_packaging()
    {
        var versions = GenerateVersions(new Random(5), 160);
        var specifiers = new List<string>
        {
            "==1.0", "==1.0.*", "!=1.0.*", "==1.*", ">=1.0", ">1.0", "<1.0", "<=1.0", "~=1.0", "~=1.0.0", "~=1.0a1", ">=1.0a1", "<2.0a1", ">1.0.post1",
            ">1.0", "==1.0+local", "==1!1.0", "===1.0", ">=1.0,<2", "!=1.0", "==2.0.*", "<1.0.dev1", ">=0.9.dev0", "~=2.0.post1", "==1.0rc1", "",
            ">1!0.5", "==0.*", "!=2.0a1",
        };
        var answer = PythonOracle.Run<Answer>("packaging_oracle.py", new { versions, specifiers });
        var parsed = versions.Select(Pep440Version.Parse).ToList();

        Assert.Equal(answer.canonical, parsed.Select(v => v.ToString()).ToList());

        var ours = Enumerable.Range(0, parsed.Count).OrderBy(i => parsed[i]).ThenBy(i => i).ToList();
        Assert.Equal(answer.order.Select(i => versions[i]), ours.Select(i => versions[i]));

        var k = 0;
        var wrong = new List<string>();
        foreach (var s in specifiers)
        {
            Assert.True(Pep440SpecifierSet.TryParse(s, out var set), s);
            foreach (var v in parsed)
            {
                foreach (var pre in new bool?[] { null, true, false })
                {
                    var expected = answer.contains[k++] == 1;
                    if (ShorterThanWildcard(set, v))
                    {
                        // packaging 21.3 (pip 23.2) cuts before padding, so `==1.0.*` misses 1a1; packaging 22+
                        // pads first and matches, as PEP 440 says. We follow today's rule.
                        continue;
                    }

                    if (set.Contains(v, pre) != expected)
                    {
                        wrong.Add($"'{s}' contains {v} (prereleases={pre?.ToString() ?? "None"}): packaging says {expected}");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(30)));
    }

    private static bool ShorterThanWildcard(Pep440SpecifierSet set, Pep440Version v) =>
        set.Specifiers.Any(s => s.IsWildcard && v.Release.Length < s.Version!.Release.Length);

    [Theory]
    [InlineData("==1.0.*", "1a1", true)]
    [InlineData("==1.0.*", "1.0.5", true)]
    [InlineData("==1.0.*", "1.1", false)]
    [InlineData("~=1.4.5", "1.4.9", true)]
    [InlineData("~=1.4.5", "1.5.0", false)]
    [InlineData("<2", "2.0a1", false)]
    [InlineData(">1.0", "1.0.post1", false)]
    [InlineData(">=1.0", "1.0+cu113", true)]
    [InlineData("==1.11.0", "1.11.0+cu113", true)]
    [InlineData("==1.11.0+cu113", "1.11.0", false)]
    public void Matching_follows_pep440(string specifier, string version, bool expected)
    {
        Assert.True(Pep440SpecifierSet.TryParse(specifier, out var set));
        Assert.Equal(expected, set.Contains(Pep440Version.Parse(version), prereleases: true));
    }

    private static List<string> GenerateVersions(Random r, int count)
    {
        var fixedOnes = new List<string>
        {
            "1.0", "1.0.0", "1", "1.0.dev0", "1.0a1", "1.0b2", "1.0rc1", "1.0c1", "1.0.post1", "1.0-1", "1.0.post1.dev2", "1.0+local", "1.0+local.2", "1.0+2",
            "1.0+abc.5", "1!0.5", "1!1.0", "2.0", "2.0a1", "0.9", "1.0.1", "1.1", "1.0a1.dev1", "1.0alpha", "1.0-beta.2", "1.0_rc_3", "v1.0", "1.0.POST", "1.0.dev",
            "1.0-r4", "1.0rev", "01.002", "1.0+LoCaL", "2.0.0.post1", "1.0.0a0",
        };
        var result = new List<string>(fixedOnes);
        while (result.Count < count)
        {
            var v = $"{r.Next(3)}";
            for (var i = r.Next(0, 3); i > 0; i--)
            {
                v += "." + r.Next(3);
            }

            if (r.Next(5) == 0)
            {
                v = $"{r.Next(2)}!" + v;
            }

            v += r.Next(6) switch { 0 => "a" + r.Next(3), 1 => "rc" + r.Next(2), 2 => "b", _ => string.Empty };
            v += r.Next(5) == 0 ? ".post" + r.Next(3) : string.Empty;
            v += r.Next(5) == 0 ? ".dev" + r.Next(3) : string.Empty;
            v += r.Next(6) == 0 ? "+" + (r.Next(2) == 0 ? "cu113" : r.Next(3) + ".x") : string.Empty;
            result.Add(v);
        }

        return result;
    }
}
