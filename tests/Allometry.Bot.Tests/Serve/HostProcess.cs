namespace Allometry.Bot.Tests.Serve;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Allometry.Bot.Serve;

/// <summary>
/// <c>dotnet allometry.dll serve --urls http://127.0.0.1:0</c> as a child process: a real second
/// (third…) host with its own scheduler instance, killable with SIGKILL, configured only through
/// environment variables as in production. Its stdout is kept line by line for the tests to read.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress => _listening.Task.Result;

    public int Id => _process.Id;

    public IReadOnlyList<string> Lines => [.. _lines];

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the host; call <see cref="WaitListeningAsync"/> before talking to it.</summary>
    public static HostProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var dll = typeof(ServeHost).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        info.ArgumentList.Add("--lang");
        info.ArgumentList.Add("en");
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return new HostProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    public async Task<Uri> WaitListeningAsync(TimeSpan timeout)
    {
        var done = await Task.WhenAny(_listening.Task, _process.WaitForExitAsync(), Task.Delay(timeout));
        if (done != _listening.Task)
        {
            throw new InvalidOperationException("The host did not start listening:\n" + string.Join('\n', _lines));
        }
        return await _listening.Task;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the instance dies mid-whatever, with no chance to tell the cluster.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>The job-run log lines (event 7001/7002) as (job, scheduled fire time in ms, instance).</summary>
    public IReadOnlyList<(string Job, long ScheduledMs, string Instance)> JobRuns()
    {
        var runs = new List<(string, long, string)>();
        foreach (var line in _lines)
        {
            if (!line.StartsWith('{') || !line.Contains("\"EventId\":700", StringComparison.Ordinal)) continue;
            using var json = JsonDocument.Parse(line);
            var state = json.RootElement.GetProperty("State");
            var scheduled = state.GetProperty("ScheduledMs");
            var ms = scheduled.ValueKind == JsonValueKind.Number ? scheduled.GetInt64() : long.Parse(scheduled.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            runs.Add((state.GetProperty("Job").GetString()!, ms, state.GetProperty("Instance").GetString()!));
        }
        return runs;
    }

    private void Receive(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        const string Marker = "Listening on ";
        if (line.StartsWith(Marker, StringComparison.Ordinal))
        {
            _listening.TrySetResult(new Uri(line[Marker.Length..].Trim()));
        }
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
