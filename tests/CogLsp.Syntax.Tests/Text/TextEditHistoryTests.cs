using System.Runtime.CompilerServices;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Tests.Text;

/// <summary>
/// A text edited from another remembers the changes that made it, so a parser holding a tree of an
/// earlier text can derive the new tree; it never keeps the earlier texts alive.
/// </summary>
public class TextEditHistoryTests
{
    [Fact]
    public void Changes_since_an_earlier_text_replay_to_this_text_over_several_steps()
    {
        var random = new Random(7);
        var model = string.Concat(Enumerable.Range(0, 200).Select(i => $"pkg{i}==1.0\r\n"));
        var original = SourceText.Verbatim(model, chunkSize: 16);
        var text = original;
        for (var step = 0; step < 20; step++)
        {
            // Two changes at once in every third step (as a code action applies them), one otherwise.
            var changes = new List<TextChange>();
            var start = random.Next(text.Length / 2);
            changes.Add(new TextChange(new TextSpan(start, random.Next(3)), step % 2 == 0 ? "x\n" : ""));
            if (step % 3 == 0)
            {
                changes.Add(new TextChange(new TextSpan(text.Length / 2 + random.Next(text.Length / 2), 0), "\r"));
            }

            text = text.WithChanges(changes);
        }

        Assert.True(text.TryGetChangesSince(original, out var replay));
        var replayed = original;
        foreach (var change in replay)
        {
            replayed = replayed.WithChanges([change]);
        }

        Assert.Equal(text.ToString(), replayed.ToString());
    }

    [Fact]
    public void A_text_knows_no_changes_since_a_text_it_was_not_edited_from()
    {
        var a = SourceText.From("numpy==1.0\n");
        var b = a.WithChange(new TextSpan(0, 0), "x");
        Assert.True(b.TryGetChangesSince(b, out var none));
        Assert.Empty(none);
        Assert.False(a.TryGetChangesSince(b, out _));
        Assert.False(b.TryGetChangesSince(SourceText.From("numpy==1.0\n"), out _));
        Assert.True(b.TryGetChangesSince(a, out var one));
        Assert.Equal([new TextChange(new TextSpan(0, 0), "x")], one.ToArray());
    }

    [Fact]
    public void The_history_is_bounded()
    {
        var original = SourceText.From("a\n");
        var text = original;
        for (var step = 0; step < TextEditHistory.MaxSteps; step++)
        {
            text = text.WithChange(new TextSpan(0, 0), "b");
        }

        Assert.True(text.TryGetChangesSince(original, out _));
        Assert.False(text.WithChange(new TextSpan(0, 0), "c").TryGetChangesSince(original, out _));
    }

    [Fact]
    public void An_edited_text_does_not_keep_the_text_it_came_from_alive()
    {
        var (earlier, later) = EditedText();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(earlier.IsAlive);
        Assert.Equal("numpy==1.0\nscipy\n", later.ToString());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Earlier, SourceText Later) EditedText()
    {
        var text = SourceText.From("numpy==1.0\n");
        return (new WeakReference(text), text.WithChange(new TextSpan(11, 0), "scipy\n"));
    }
}
