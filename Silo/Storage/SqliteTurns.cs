using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CallPing.Silo.Storage;

/// <summary>
/// The SQLite file's connections, for Orleans' providers and the store itself, taking turns: a connection waits
/// (asynchronously) until the one before it is closed. SQLite has a single writer, and Microsoft.Data.Sqlite answers a
/// locked file by sleeping 150 ms a try on a pool thread; under concurrent grain writes those sleeps, not the writes,
/// were most of a write's time. Waiting for the turn costs only the previous statement's time. Orleans opens one
/// connection per statement and never two at once, so no turn waits on itself.
/// <para>
/// Turns go in arrival order, except that <see cref="Urgent"/> connections go ahead of every waiting
/// <see cref="Normal"/> one: the statements on an accepted alert's way to its first dial do not queue behind a storm's
/// intake.
/// </para>
/// </summary>
internal sealed class SqliteTurns
{
    private readonly object _lock = new();
    private readonly Queue<TaskCompletionSource> _urgent = new();
    private readonly Queue<TaskCompletionSource> _normal = new();
    private bool _taken;

    public SqliteTurns(string connectionString)
    {
        Normal = new Source(connectionString, this, urgent: false);
        Urgent = new Source(connectionString, this, urgent: true);
    }

    public DbDataSource Normal { get; }

    public DbDataSource Urgent { get; }

    private async Task TakeAsync(bool urgent, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            if (!_taken)
            {
                _taken = true;
                return;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (urgent ? _urgent : _normal).Enqueue(waiter);
        }

        // A waiter cancelled here stays queued; Release skips it, as its TrySetResult fails.
        await using var cancel = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        await waiter.Task;
    }

    /// <summary>Hands the turn to the next waiter, urgent ones first, or leaves it free.</summary>
    private void Release()
    {
        lock (_lock)
        {
            while (_urgent.TryDequeue(out var next) || _normal.TryDequeue(out next))
            {
                if (next.TrySetResult())
                {
                    return;
                }
            }

            _taken = false;
        }
    }

    private sealed class Source(string connectionString, SqliteTurns turns, bool urgent) : DbDataSource
    {
        public override string ConnectionString => connectionString;

        protected override DbConnection CreateDbConnection() => new TurnConnection(connectionString, turns, urgent);
    }

    /// <summary>Holds the turn from a successful open until it is closed (disposing closes it).</summary>
    private sealed class TurnConnection(string connectionString, SqliteTurns turns, bool urgent) : SqliteConnection(connectionString)
    {
        private bool _holdsTurn;

        public override void Open()
        {
            turns.TakeAsync(urgent, CancellationToken.None).GetAwaiter().GetResult();
            OpenHoldingTurn();
        }

        public override async Task OpenAsync(CancellationToken cancellationToken)
        {
            await turns.TakeAsync(urgent, cancellationToken);
            OpenHoldingTurn();
        }

        public override void Close()
        {
            base.Close();
            if (_holdsTurn)
            {

                _holdsTurn = false;
                turns.Release();
            }
        }

        private void OpenHoldingTurn()
        {
            try
            {
                base.Open();
                _holdsTurn = true;
            }
            catch
            {
                turns.Release();
                throw;
            }
        }
    }
}
