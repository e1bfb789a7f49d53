using System.Text;

namespace CogLsp.Server.Conversion;

/// <summary>Turns an LSP snippet into plain text for clients without snippet support: placeholders keep their default text, tab stops vanish.</summary>
public static class SnippetText
{
    public static string ToPlainText(string snippet)
    {
        var builder = new StringBuilder(snippet.Length);
        for (var i = 0; i < snippet.Length; i++)
        {
            var c = snippet[i];
            if (c == '\\' && i + 1 < snippet.Length && snippet[i + 1] is '$' or '}' or '\\' or ',' or '|')
            {
                builder.Append(snippet[++i]);
            }
            else if (c == '$' && i + 1 < snippet.Length && char.IsDigit(snippet[i + 1]))
            {
                while (i + 1 < snippet.Length && char.IsDigit(snippet[i + 1]))
                {
                    i++;
                }
            }
            else if (c == '$' && i + 1 < snippet.Length && snippet[i + 1] == '{')
            {
                var j = i + 2;
                while (j < snippet.Length && char.IsDigit(snippet[j]))
                {
                    j++;
                }

                if (j < snippet.Length && snippet[j] == ':')
                {
                    // ${1:default}: keep the default (which may itself hold escapes).
                    i = j;
                    var depth = 1;
                    while (++i < snippet.Length && depth > 0)
                    {
                        if (snippet[i] == '\\' && i + 1 < snippet.Length)
                        {
                            builder.Append(snippet[++i]);
                        }
                        else if (snippet[i] == '}' && --depth == 0)
                        {
                            break;
                        }
                        else
                        {
                            builder.Append(snippet[i]);
                        }
                    }
                }
                else if (j < snippet.Length && snippet[j] == '|')
                {
                    // ${1|a,b|}: the first choice.
                    var end = snippet.IndexOf("|}", j + 1, StringComparison.Ordinal);
                    var choices = end < 0 ? string.Empty : snippet[(j + 1)..end];
                    builder.Append(choices.Split(',')[0]);
                    i = end < 0 ? snippet.Length : end + 1;
                }
                else
                {
                    var end = snippet.IndexOf('}', j);
                    i = end < 0 ? snippet.Length : end;
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
