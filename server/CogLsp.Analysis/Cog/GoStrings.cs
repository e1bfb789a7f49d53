using System.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>Go's strings helpers whose exact behaviour Cog's decisions depend on.</summary>
internal static class GoStrings
{
    /// <summary>strings.TrimSpace: Unicode white space on both ends (the same set as char.IsWhiteSpace).</summary>
    public static string TrimSpace(string text) => text.Trim();

    public static (int Start, string Trimmed) TrimSpaceWithStart(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return (start, text[start..].TrimEnd());
    }

    /// <summary>fmt's %q for the strings Cog quotes in messages.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f)
                    {
                        builder.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
