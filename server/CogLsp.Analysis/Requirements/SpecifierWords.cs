using CogLsp.Syntax.Pep440;
using CogLsp.Syntax.Requirements;

namespace CogLsp.Analysis.Requirements;

/// <summary>Version specifiers and markers in plain words, for hovers and messages.</summary>
public static class SpecifierWords
{
    /// <summary>E.g. "any version ≥ 0.2 and &lt; 0.3", "exactly 1.26.4", "any version".</summary>
    public static string Describe(Pep440SpecifierSet set)
    {
        if (set.Specifiers.IsEmpty)
        {
            return "any version";
        }

        if (set.Specifiers.Length == 1 && set.Specifiers[0].IsExactPin)
        {
            return "exactly " + set.Specifiers[0].VersionText;
        }

        return "any version " + string.Join(" and ", set.Specifiers.Select(Clause));
    }

    private static string Clause(Pep440Specifier s) => s.Operator switch
    {
        "==" when s.IsWildcard => $"matching {s.VersionText}",
        "!=" when s.IsWildcard => $"not matching {s.VersionText}",
        "==" => $"= {s.VersionText}",
        "===" => $"spelled exactly '{s.VersionText}'",
        "!=" => $"≠ {s.VersionText}",
        ">=" => $"≥ {s.VersionText}",
        "<=" => $"≤ {s.VersionText}",
        "~=" => $"≥ {s.VersionText} and {CompatibleUpper(s)}",
        _ => $"{s.Operator} {s.VersionText}",
    };

    /// <summary>~=1.4.5 allows 1.4.*: the upper bound bumps the second-to-last release number.</summary>
    private static string CompatibleUpper(Pep440Specifier s)
    {
        var release = s.Version!.Release;
        var prefix = release.Take(release.Length - 1).ToList();
        prefix[^1] += 1;
        return "< " + string.Join('.', prefix);
    }

    /// <summary>E.g. "Python version &lt; 3.8 and platform is linux".</summary>
    public static string Describe(MarkerNode node) => node switch
    {
        MarkerBooleanNode b => $"{Describe(b.Left)} {b.Operator.Text} {Describe(b.Right)}",
        MarkerGroupNode g => $"({Describe(g.Inner)})",
        MarkerComparisonNode c => $"{Operand(c.Left)} {Op(c.Operator.Text)} {Operand(c.Right)}",
        _ => string.Empty,
    };

    private static string Operand(MarkerOperand operand) => !operand.IsVariable ? operand.Value : operand.Value.Replace('.', '_') switch
    {
        "python_version" => "Python version",
        "python_full_version" => "full Python version",
        "os_name" => "os.name",
        "sys_platform" => "platform (sys.platform)",
        "platform_machine" => "machine architecture",
        "platform_system" => "operating system",
        "platform_release" => "OS release",
        "platform_version" => "OS version",
        "platform_python_implementation" or "python_implementation" or "implementation_name" => "Python implementation",
        "implementation_version" => "implementation version",
        "extra" => "extra",
        var other => other,
    };

    private static string Op(string op) => op switch
    {
        ">=" => "≥",
        "<=" => "≤",
        "!=" => "≠",
        "==" => "is",
        "in" => "is in",
        "not in" => "is not in",
        _ => op,
    };
}
