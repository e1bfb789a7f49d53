using CogLsp.Analysis.Cog;
using static CogLsp.Analysis.Tests.CogYaml.CogYamlFixture;

namespace CogLsp.Analysis.Tests.CogYaml;

/// <summary>
/// Where the rules that stop `cog build` draw the line: Cog's model check (go-containerregistry v0.21.5
/// name parsing, the names of its own tests included), concurrency on Python before 3.11, and run/predict.
/// Every value Cog accepts must stay free of the error.
/// </summary>
public sealed class CogBuildStopperRuleTests
{
    [Theory]
    [InlineData("r8.im/owner/name")]
    [InlineData("gcr.io/g-convoy/hello-world")]
    [InlineData("gcr.io/google.com/project-id/hello-world")]
    [InlineData("us.gcr.io/project-id/sub-repo")]
    [InlineData("index.docker.io/library/ubuntu")]
    [InlineData("namespace/pathcomponent/image")]
    [InlineData("library/ubuntu")]
    [InlineData("ubuntu")]
    [InlineData("localhost:5000/foo")]
    [InlineData("gcr.io:9001/p/x")]
    [InlineData("owner/my_model.v2-b")]
    public void Cog_accepts_a_bare_repository(string model) => Assert.Null(CogModelReference.Problem(model));

    [Theory]
    [InlineData("r8.im/owner/name:latest", "must be a bare repository — tags and digests are not allowed")]
    [InlineData("ubuntu:22.04", "must be a bare repository — tags and digests are not allowed")]
    [InlineData("localhost:5000/foo:v1", "must be a bare repository — tags and digests are not allowed")]
    [InlineData("r8.im/a/b@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "must be a bare repository — tags and digests are not allowed")]
    [InlineData("r8.im/a/b:", "invalid repository: repository can only contain the characters `abcdefghijklmnopqrstuvwxyz0123456789_-./`: a/b:")]
    [InlineData("r8.im/a/b@sha256:abc", "invalid repository: repository can only contain the characters `abcdefghijklmnopqrstuvwxyz0123456789_-./`: a/b@sha256:abc")]
    [InlineData("white space", "invalid repository: repository can only contain the characters `abcdefghijklmnopqrstuvwxyz0123456789_-./`: white space")]
    [InlineData("b@char/image", "invalid repository: repository can only contain the characters `abcdefghijklmnopqrstuvwxyz0123456789_-./`: b@char/image")]
    [InlineData("a", "invalid repository: repository must be between 2 and 255 characters in length: a")]
    [InlineData("example.com:port/xy", "invalid repository: registries must be valid RFC 3986 URI authorities: example.com:port")]
    [InlineData("white space.io/xy", "invalid repository: registries must be valid RFC 3986 URI authorities: white space.io")]
    public void Cog_refuses_a_tag_a_digest_or_a_bad_name_with_its_message(string model, string problem) =>
        Assert.Equal(problem, CogModelReference.Problem(model));

    [Fact]
    public void Model_error_is_on_the_value() =>
        CheckDiagnostics("model: [|r8.im/owner/name:latest|]\n", ["COG0253"]);

    [Fact]
    public void A_bare_model_and_an_empty_one_are_fine() =>
        CheckDiagnostics("model: r8.im/owner/name\nimage: \"\"\n", ["COG0253", "COG0250"]);

    // Cog deprecates concurrency.max whenever it is set, whatever its value, so every fixture here carries
    // that warning on the key.
    [Theory]
    [InlineData("3.11")]
    [InlineData("3.13")]
    [InlineData("4.0")]
    public void Concurrency_above_1_is_fine_where_Cog_does_not_check_the_minor_version(string python) =>
        CheckDiagnostics($"build:\n  python_version: \"{python}\"\nconcurrency:\n  {{|COG0304:max|}}: 4\n", ["COG0241"]);

    // Cog cannot split "3" into major and minor, so it skips the concurrency check; the version itself is
    // still refused, by its own rule.
    [Fact]
    public void Concurrency_above_1_is_fine_where_the_Python_version_has_no_minor() =>
        CheckDiagnostics("build:\n  python_version: {|COG0202:\"3\"|}\nconcurrency:\n  {|COG0304:max|}: 4\n", ["COG0241"]);

    [Fact]
    public void Concurrency_of_1_is_fine_on_Python_3_10() =>
        CheckDiagnostics("build:\n  python_version: \"3.10\"\nconcurrency:\n  {|COG0304:max|}: 1\n", ["COG0241", "COG0240"]);

    // Both files exist, so the only problems left are the clash, predict's deprecation and the train reference.
    [Fact]
    public void Train_is_still_checked_when_run_and_predict_clash() =>
        CheckDiagnostics(
            "run: \"run.py:Runner\"\n{|COG0303:[|predict|]|}: \"predict.py:Predictor\"\ntrain: [|Trainer|]\n",
            ["COG0211", "COG0210"],
            ("/p/run.py", "class Runner:\n    pass\n"),
            ("/p/predict.py", "class Predictor:\n    pass\n"));
}
