namespace CogLsp.Analysis.Workspace;

/// <summary>
/// A value computed at most once and shared by every caller, such that no caller's cancellation decides
/// it (the shape of Roslyn's AsyncLazy). Invariants:
/// <list type="bullet">
/// <item>The computation runs under a token of its own, which is cancelled only when every caller
/// waiting for it has been cancelled. A cancelled caller gets its own OperationCanceledException; the
/// others keep waiting for the value.</item>
/// <item>Only a value is remembered. When the computation is cancelled or throws, the next caller starts
/// it again (callers still waiting get the exception, or retry when it was a cancellation they did not ask for).</item>
/// <item>The first caller runs the computation on its own thread (no thread hop on the keystroke path);
/// if it is cancelled while others wait, it finishes the computation for them before it throws.</item>
/// </list>
/// A computation that asks for its own value on the same thread is a cycle and throws InvalidOperationException.
/// </summary>
public sealed class SharedComputation<T>(Func<CancellationToken, T> compute)
{
    private readonly Lock _gate = new();
    private Func<CancellationToken, T>? _compute = compute;
    private Result? _result;
    private Run? _run;

    /// <summary>True when the value has been computed.</summary>
    public bool HasValue => Volatile.Read(ref _result) is not null;

    /// <summary>How many callers wait for the computation under way (0 when none runs); for tests.</summary>
    internal int Callers => Volatile.Read(ref _run) is { } run ? Volatile.Read(ref run.Callers) : 0;

    /// <summary>The value, computing it (or waiting for the computation under way) if need be.</summary>
    public T GetValue(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (Volatile.Read(ref _result) is { } done)
            {
                return done.Value;
            }

            cancellationToken.ThrowIfCancellationRequested();
            Run run;
            bool runner;
            lock (_gate)
            {
                if (_result is { } late)
                {
                    return late.Value;
                }

                if (_run is null)
                {
                    _run = new Run(Environment.CurrentManagedThreadId);
                    runner = true;
                }
                else if (_run.Thread == Environment.CurrentManagedThreadId)
                {
                    throw new InvalidOperationException("A memoised computation asked for its own value.");
                }
                else
                {
                    runner = false;
                }

                run = _run;
                Interlocked.Increment(ref run.Callers);
            }

            if (runner)
            {
                return RunComputation(run, cancellationToken);
            }

            if (TryWait(run, cancellationToken, out var value))
            {
                return value;
            }
        }
    }

    private T RunComputation(Run run, CancellationToken cancellationToken)
    {
        T value;
        using (cancellationToken.Register(static state => ((Run)state!).Leave(), run))
        {
            try
            {
                value = _compute!(run.Cancellation.Token);
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _run = null;
                }

                if (e is OperationCanceledException && run.Cancellation.IsCancellationRequested)
                {
                    run.Done.TrySetCanceled(run.Cancellation.Token);
                    cancellationToken.ThrowIfCancellationRequested();
                }
                else
                {
                    run.Done.TrySetException(e);
                }

                throw;
            }
        }

        lock (_gate)
        {
            Volatile.Write(ref _result, new Result(value));
            _run = null;

            // The computation (and whatever it captured) is not needed any more.
            _compute = null;
        }

        run.Done.TrySetResult(value);
        return value;
    }

    /// <summary>Waits for <paramref name="run"/>; false when it was cancelled without this caller asking (then the caller starts over).</summary>
    private static bool TryWait(Run run, CancellationToken cancellationToken, out T value)
    {
        using (cancellationToken.Register(static state => ((Run)state!).Leave(), run))
        {
            try
            {
                value = run.Done.Task.WaitAsync(cancellationToken).GetAwaiter().GetResult();
                return true;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && run.Done.Task.IsCanceled)
            {
                value = default!;
                return false;
            }
        }
    }

    private sealed record Result(T Value);

    /// <summary>One attempt at the computation: its token, its outcome, and how many callers still wait for it.</summary>
    private sealed class Run(int thread)
    {
        public int Thread { get; } = thread;

        public CancellationTokenSource Cancellation { get; } = new();

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Callers that have not given up (changed under the owner's lock or by <see cref="Leave"/>).</summary>
        public int Callers;

        /// <summary>A caller was cancelled: when it was the last one, the computation is cancelled too.</summary>
        public void Leave()
        {
            if (Interlocked.Decrement(ref Callers) == 0)
            {
                Cancellation.Cancel();
            }
        }
    }
}
