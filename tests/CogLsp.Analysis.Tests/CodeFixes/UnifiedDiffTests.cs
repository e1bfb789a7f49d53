using CogLsp.Analysis.CodeFixes;

namespace CogLsp.Analysis.Tests.CodeFixes;

public class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_give_no_diff()
    {
        Assert.Equal("", UnifiedDiff.Create("a\n", "a\n", "a/x", "b/x"));
    }

    [Fact]
    public void A_changed_line_shows_with_three_lines_of_context()
    {
        var before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        var after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        Assert.Equal(
            "--- a/x\n+++ b/x\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
            UnifiedDiff.Create(before, after, "a/x", "b/x"));
    }

    [Fact]
    public void Distant_changes_make_separate_hunks()
    {
        var before = string.Concat(Enumerable.Range(1, 20).Select(i => $"l{i}\n"));
        var after = before.Replace("l2\n", "two\n", StringComparison.Ordinal).Replace("l19\n", "nineteen\n", StringComparison.Ordinal);
        var diff = UnifiedDiff.Create(before, after, "a/x", "b/x");
        Assert.Equal(2, diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Contains("@@ -1,5 +1,5 @@\n l1\n-l2\n+two\n l3\n l4\n l5\n", diff, StringComparison.Ordinal);
        Assert.Contains("@@ -16,5 +16,5 @@\n l16\n l17\n l18\n-l19\n+nineteen\n l20\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_file_diffs_against_dev_null()
    {
        Assert.Equal("--- /dev/null\n+++ b/r.txt\n@@ -0,0 +1,2 @@\n+numpy\n+scipy\n", UnifiedDiff.Create(null, "numpy\nscipy\n", "a/r.txt", "b/r.txt"));
    }

    [Fact]
    public void A_missing_final_newline_is_marked()
    {
        Assert.Equal(
            "--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n-a\n\\ No newline at end of file\n+a\n+b\n",
            UnifiedDiff.Create("a", "a\nb\n", "a/x", "b/x"));
    }

    [Fact]
    public void Crlf_lines_print_without_their_carriage_return()
    {
        Assert.Equal("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n", UnifiedDiff.Create("a\r\nb\r\n", "a\r\nc\r\n", "a/x", "b/x"));
    }
}
