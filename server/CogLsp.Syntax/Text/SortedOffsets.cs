namespace CogLsp.Syntax.Text;

/// <summary>Searches in ascending runs of offsets or counts (line maps, chunk and block directories).</summary>
internal static class SortedOffsets
{
    /// <summary>The index of the first element greater than <paramref name="value"/>, or the length when there is none.</summary>
    public static int UpperBound(ReadOnlySpan<int> sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The index of the last element not greater than <paramref name="value"/> (0 when the first is already greater).</summary>
    public static int Floor(ReadOnlySpan<int> sorted, int value) => Math.Max(0, UpperBound(sorted, value) - 1);
}
