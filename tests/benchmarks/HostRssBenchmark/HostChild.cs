namespace Allometry.Benchmarks.HostRss;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

/// <summary>
/// The real host, <c>dotnet allometry.dll serve --urls http://127.0.0.1:0</c>, as a child process
/// configured only through environment variables (as in production). Keeps its output lines and
/// reads the job-run log lines (events 7001/7002) the scheduler writes.
/// </summary>
internal sealed class HostChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostChild(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Lines => [.. _lines];

    public sealed record JobRun(string Job, bool Failed, long ElapsedMs, string Line);

    public static HostChild Start(string dll, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var arg in new[] { dll, "serve", "--urls", "http://127.0.0.1:0", "--lang", "en" }) info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return new HostChild(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    public async Task<Uri> WaitListeningAsync(TimeSpan timeout)
    {
        var done = await Task.WhenAny(_listening.Task, _process.WaitForExitAsync(), Task.Delay(timeout));
        return done == _listening.Task
            ? await _listening.Task
            : throw new InvalidOperationException("The host did not start listening:\n" + string.Join('\n', _lines.TakeLast(40)));
    }

    /// <summary>Job runs logged so far whose job key starts with <paramref name="prefix"/> ("system.evaluate-imports", "digests.").</summary>
    public IReadOnlyList<JobRun> JobRuns(string prefix)
    {
        var runs = new List<JobRun>();
        foreach (var line in _lines)
        {
            if (!line.StartsWith('{') || !line.Contains("\"EventId\":700", StringComparison.Ordinal)) continue;
            using var json = JsonDocument.Parse(line);
            var state = json.RootElement.GetProperty("State");
            var job = state.GetProperty("Job").GetString() ?? "";
            if (!job.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var elapsed = state.GetProperty("ElapsedMs");
            runs.Add(new JobRun(job, json.RootElement.GetProperty("EventId").GetInt32() == 7002,
                elapsed.ValueKind == JsonValueKind.Number ? elapsed.GetInt64() : long.Parse(elapsed.GetString()!, System.Globalization.CultureInfo.InvariantCulture), line));
        }
        return runs;
    }

    /// <summary>Waits until <paramref name="done"/> holds, the host exits or <paramref name="timeout"/> passes; false on the last two.</summary>
    public async Task<bool> WaitUntilAsync(Func<bool> done, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!done())
        {
            if (_process.HasExited || deadline.Elapsed > timeout) return false;
            await Task.Delay(250);
        }
        return true;
    }

    private void Receive(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        const string Marker = "Listening on ";
        if (line.StartsWith(Marker, StringComparison.Ordinal)) _listening.TrySetResult(new Uri(line[Marker.Length..].Trim()));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
