using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Shell;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml.BuildRun;

/// <summary>
/// One command of build.run (a string item, or the `command` of a `{command, mounts}` item) or of the
/// deprecated build.pre_install, which Cog runs after them: its decoded value (the text Cog puts after
/// `RUN`, trimmed), the node as written, the map from the value back to the document, the shell's
/// reading of it and the pip commands in it.
/// </summary>
public sealed class RunCommandItem
{
    internal RunCommandItem(int order, string key, int index, string value, YamlNode node, YamlScalarMap map)
    {
        Order = order;
        Key = key;
        Index = index;
        Value = value;
        Node = node;
        Map = map;
        Script = ShellScript.Parse(value);
        Pip = [.. Script.Commands.Select(PipCommandRecognizer.Recognize).OfType<PipInvocation>()];
    }

    /// <summary>The position of this command in the order Cog runs them (run items first, then pre_install).</summary>
    public int Order { get; }

    /// <summary>`run` or `pre_install`.</summary>
    public string Key { get; }

    /// <summary>The index in its list.</summary>
    public int Index { get; }

    public string Value { get; }

    /// <summary>The scalar the command is written in.</summary>
    public YamlNode Node { get; }

    public YamlScalarMap Map { get; }

    public ShellScript Script { get; }

    public IReadOnlyList<PipInvocation> Pip { get; }

    /// <summary>Where the item is in words, as diagnostics and hovers name it (`build.run[2]`).</summary>
    public string Name => $"build.{Key}[{Index}]";

    /// <summary>The document span of a span of the command text (the whole item when the map is not exact).</summary>
    public TextSpan MapSpan(TextSpan span) => Map.Map(span);

    /// <summary>
    /// The offset in <see cref="Value"/> of a document offset inside this item (the character written
    /// there, or the end of the value after its last character); null when the map is not exact.
    /// </summary>
    public int? ValueIndexAt(int documentOffset)
    {
        if (!Map.IsExact)
        {
            return null;
        }

        for (var i = 0; i < Value.Length; i++)
        {
            if (Map.TryMap(new TextSpan(i, 1), out var span) && documentOffset < span.End)
            {
                return documentOffset >= span.Start || i > 0 ? i : null;
            }
        }

        return Value.Length;
    }

    public override string ToString() => $"{Name}: {Value}";
}
