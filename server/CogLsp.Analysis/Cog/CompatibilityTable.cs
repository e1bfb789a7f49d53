using System.Collections.Immutable;
using System.Reflection;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// Cog's compatibility data (torch builds, tensorflow builds, CUDA base images), read from the TSV
/// files embedded in this assembly. The files are generated from Cog's own JSON matrices by
/// tools/CogLsp.CompatGen; each starts with a "#provenance" line naming the Cog commit and its date.
/// Rows keep Cog's order, because Cog's choices break ties by order. As Cog does when it loads its
/// matrices, torch rows whose CUDA matches no base image are dropped from <see cref="Torch"/>
/// (<see cref="TorchAll"/> keeps them) and tensorflow CUDA/cuDNN are cut to MAJOR.MINOR / MAJOR.
/// </summary>
public sealed class CompatibilityTable
{
    private static readonly Lazy<CompatibilityTable> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private CompatibilityTable(
        ImmutableArray<TorchCompatibility> torchAll,
        ImmutableArray<TensorFlowCompatibility> tensorFlow,
        ImmutableArray<CudaBaseImage> cudaBaseImages,
        string commit,
        string date)
    {
        TorchAll = torchAll;
        TensorFlow = tensorFlow;
        CudaBaseImages = cudaBaseImages;
        Commit = commit;
        Date = date;
        Torch = torchAll.Where(row => row.Cuda is null || cudaBaseImages.Any(image => CogVersion.Matches(row.Cuda, image.Cuda))).ToImmutableArray();
    }

    /// <summary>The table shipped with the product (loaded once, on first use).</summary>
    public static CompatibilityTable Default => LazyDefault.Value;

    /// <summary>Torch rows as Cog uses them (rows for CUDA versions without a base image removed).</summary>
    public ImmutableArray<TorchCompatibility> Torch { get; }

    public ImmutableArray<TorchCompatibility> TorchAll { get; }

    public ImmutableArray<TensorFlowCompatibility> TensorFlow { get; }

    public ImmutableArray<CudaBaseImage> CudaBaseImages { get; }

    /// <summary>The Cog commit the data was taken from.</summary>
    public string Commit { get; }

    /// <summary>The date of that commit (yyyy-mm-dd).</summary>
    public string Date { get; }

    public string ShortCommit => Commit.Length > 8 ? Commit[..8] : Commit;

    /// <summary>Builds a table from the text of the three TSV files (the embedded ones, or test data).</summary>
    public static CompatibilityTable Parse(string torchTsv, string tensorFlowTsv, string cudaTsv)
    {
        var (commit, date) = ReadProvenance(torchTsv);
        var torch = Rows(torchTsv, 7).Select(f => new TorchCompatibility(
            f[0], f[1], f[2], f[3], f[4], f[5].Length == 0 ? null : f[5], SplitList(f[6]))).ToImmutableArray();
        var tf = Rows(tensorFlowTsv, 6).Select(f => new TensorFlowCompatibility(
            f[0], f[1], f[2], ReduceCuda(f[3]), ReduceCudnn(f[4]), f[3], f[4], SplitList(f[5]))).ToImmutableArray();
        var images = Rows(cudaTsv, 5).Select(f => new CudaBaseImage(f[0], f[1], f[2], f[3] == "true", f[4])).ToImmutableArray();
        return new CompatibilityTable(torch, tf, images, commit, date);
    }

    /// <summary>The "#provenance" header: commit and date, or "unknown".</summary>
    public static (string Commit, string Date) ReadProvenance(string tsv)
    {
        foreach (var line in tsv.Split('\n'))
        {
            var fields = line.TrimEnd('\r').Split('\t');
            if (fields.Length >= 4 && fields[0] == "#provenance")
            {
                return (fields[2], fields[3]);
            }
        }

        return ("unknown", "unknown");
    }

    private static IEnumerable<string[]> Rows(string tsv, int columns)
    {
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != columns)
            {
                throw new InvalidDataException($"Compatibility row has {fields.Length} fields, expected {columns}: {line}");
            }

            yield return fields;
        }
    }

    private static ImmutableArray<string> SplitList(string field) =>
        field.Length == 0 ? [] : field.Split(',').ToImmutableArray();

    /// <summary>Cog keeps MAJOR.MINOR of a tensorflow row's CUDA (the data always parses).</summary>
    private static string ReduceCuda(string cuda) =>
        CogVersion.TryParse(cuda) is { } v ? FormattableString.Invariant($"{v.Major}.{v.Minor}") : cuda;

    private static string ReduceCudnn(string cudnn) =>
        CogVersion.TryParse(cudnn) is { } v ? FormattableString.Invariant($"{v.Major}") : cudnn;

    private static CompatibilityTable LoadEmbedded()
    {
        var assembly = typeof(CompatibilityTable).Assembly;
        return Parse(ReadResource(assembly, "torch.tsv"), ReadResource(assembly, "tensorflow.tsv"), ReadResource(assembly, "cuda_images.tsv"));
    }

    internal static string ReadResource(Assembly assembly, string file)
    {
        using var stream = assembly.GetManifestResourceStream("CogLsp.Analysis.Cog.Data." + file)
            ?? throw new InvalidOperationException("Missing embedded compatibility data " + file);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The embedded TSV text of one file (torch.tsv, tensorflow.tsv, cuda_images.tsv), for the freshness test.</summary>
    public static string EmbeddedText(string file) => ReadResource(typeof(CompatibilityTable).Assembly, file);
}
