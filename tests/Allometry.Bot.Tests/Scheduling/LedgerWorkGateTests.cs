namespace Allometry.Bot.Tests.Scheduling;

using Allometry.Bot.Scheduling;

public sealed class LedgerWorkGateTests
{
    [Fact]
    public async Task RunAsync_TwoJobsAtOnce_TheSecondStartsAfterTheFirstEnds()
    {
        // Arrange
        using var gate = new LedgerWorkGate();
        var firstEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondStarted = false;

        // Act
        var first = gate.RunAsync(async _ =>
        {
            firstEntered.SetResult();
            await releaseFirst.Task;
            return 1;
        }, CancellationToken.None);
        await firstEntered.Task;
        var second = gate.RunAsync(_ =>
        {
            secondStarted = true;
            return Task.FromResult(2);
        }, CancellationToken.None);
        await Task.Delay(200);
        var startedWhileFirstRan = secondStarted;
        releaseFirst.SetResult();
        var results = await Task.WhenAll(first, second);

        // Assert
        Assert.False(startedWhileFirstRan);
        Assert.Equal([1, 2], results);
    }

    [Fact]
    public async Task RunAsync_JobThrows_GateIsFreedForTheNext()
    {
        // Arrange
        using var gate = new LedgerWorkGate();

        // Act
        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RunAsync<int>(_ => throw new InvalidOperationException("boom"), CancellationToken.None));
        var next = gate.RunAsync(_ => Task.FromResult(7), CancellationToken.None);
        var finished = await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(10)));

        // Assert
        Assert.Same(next, finished);
        Assert.Equal(7, await next);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaiting_ThrowsWithoutRunningTheJob()
    {
        // Arrange
        using var gate = new LedgerWorkGate();
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = gate.RunAsync(async _ => { await releaseFirst.Task; return 1; }, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var ran = false;

        // Act
        var waiting = gate.RunAsync(_ => { ran = true; return Task.FromResult(2); }, cancel.Token);
        await cancel.CancelAsync();
        var error = await Record.ExceptionAsync(() => waiting);
        releaseFirst.SetResult();
        await first;

        // Assert
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.False(ran);
    }
}
