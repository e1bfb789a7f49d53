using CogLsp.CompatGen;

// Usage: CogLsp.CompatGen --commit SHA --date YYYY-MM-DD --torch torch_compatibility.json
//        --tf tf_compatibility.json --cuda cuda_compatibility.json --out server/CogLsp.Analysis/Cog/Data
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i]] = args[i + 1];
}

string[] required = ["--commit", "--date", "--torch", "--tf", "--cuda", "--out"];
var missing = required.Where(r => !options.ContainsKey(r)).ToList();
if (missing.Count > 0)
{
    Console.Error.WriteLine("missing " + string.Join(", ", missing));
    Console.Error.WriteLine("usage: CogLsp.CompatGen --commit SHA --date YYYY-MM-DD --torch FILE --tf FILE --cuda FILE --out DIR");
    return 2;
}

var commit = options["--commit"];
var date = options["--date"];
var output = options["--out"];
Directory.CreateDirectory(output);
File.WriteAllText(Path.Combine(output, "torch.tsv"), CompatTsvWriter.Torch(File.ReadAllText(options["--torch"]), commit, date));
File.WriteAllText(Path.Combine(output, "tensorflow.tsv"), CompatTsvWriter.TensorFlow(File.ReadAllText(options["--tf"]), commit, date));
File.WriteAllText(Path.Combine(output, "cuda_images.tsv"), CompatTsvWriter.CudaImages(File.ReadAllText(options["--cuda"]), commit, date));
Console.WriteLine("wrote torch.tsv, tensorflow.tsv, cuda_images.tsv to " + output);
return 0;
