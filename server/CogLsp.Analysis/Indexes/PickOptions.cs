namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The pip options besides the specifier and `--pre` that change which file pip takes for a requirement:
/// the file's `--no-binary`/`--only-binary` (<see cref="Formats"/>) and `--prefer-binary`, and the line's own
/// `--hash` options (<see cref="Hashes"/>). <see cref="ToString"/> is a memo key.
/// </summary>
public sealed record PickOptions(FormatControl Formats, bool PreferBinary, AllowedHashes Hashes)
{
    public static PickOptions Default { get; } = new(FormatControl.None, false, AllowedHashes.None);

    public override string ToString() => $"{Formats};prefer-binary={PreferBinary};hashes={Hashes}";
}
