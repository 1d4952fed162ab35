using CallPing.Runtime.Activation;

namespace CallPing.Runtime;

/// <summary>
/// Base class of every grain. The runtime creates the instance, injects constructor parameters
/// (<see cref="IPersistentState{TState}"/> marked with <see cref="PersistentStateAttribute"/>, <see cref="IOutbox"/>,
/// <see cref="IGrainFactory"/>, and any registered service) and runs one call at a time on it.
/// </summary>
public abstract class Grain
{
    private ActivationContext? _context;

    private ActivationContext Context =>
        _context ?? throw new InvalidOperationException("This grain was not created by the grain runtime.");

    /// <summary>References to other grains.</summary>
    protected IGrainFactory GrainFactory => Context.GrainFactory;

    /// <summary>This grain's key.</summary>
    public string GetPrimaryKeyString() => Context.Id.Key;

    /// <summary>Runs once per activation, after state is loaded and before the first call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Registers or replaces a durable periodic reminder, first due after <paramref name="dueTime"/>.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Context.Reminders.RegisterOrUpdateAsync(Context.Id, reminderName, dueTime, period);

    /// <summary>Registers or replaces a durable one-shot reminder (an addition to the Orleans surface, whose reminders are all periodic).</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime) =>
        Context.Reminders.RegisterOrUpdateAsync(Context.Id, reminderName, dueTime, TimeSpan.Zero);

    /// <summary>The registered reminder of that name, or null.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) =>
        Context.Reminders.GetAsync(Context.Id, reminderName);

    /// <summary>Removes a reminder; it will not fire again.</summary>
    protected Task UnregisterReminder(IGrainReminder reminder) =>
        Context.Reminders.UnregisterAsync(Context.Id, reminder.ReminderName);

    /// <summary>
    /// An in-memory timer whose callback runs as a turn of this grain; not durable, gone when the activation is collected.
    /// A period of <see cref="Timeout.InfiniteTimeSpan"/> fires once.
    /// </summary>
    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Context.RegisterTimer(callback, dueTime, period);

    internal void Attach(ActivationContext context) => _context = context;
}
