using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Alerts;

/// <summary>Triggers of one dedup key that arrived while the previous batch was being written: one alert write counts them all.</summary>
internal sealed class TriggerBatch(AlertTrigger first)
{
    private readonly TaskCompletionSource<RaisedAlert> _raised = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The first trigger's content, which a new alert is created from; later ones only count.</summary>
    public AlertTrigger First { get; } = first;

    public int Events { get; private set; }

    /// <summary>The alert once the write that counts this batch is done.</summary>
    public Task<RaisedAlert> Raised => _raised.Task;

    /// <summary>Adds a trigger; returns its position, 0 for the one whose content a new alert takes.</summary>
    public int Add() => Events++;

    public void Complete(RaisedAlert raised) => _raised.SetResult(raised);

    public void Fail(Exception error) => _raised.SetException(error);
}
