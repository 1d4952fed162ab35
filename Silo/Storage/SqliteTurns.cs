using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CallPing.Silo.Storage;

/// <summary>
/// The SQLite file's connections, for Orleans' providers and the store itself, taking turns: a connection waits
/// (asynchronously, first come first served) until the one before it is closed. SQLite has a single writer, and
/// Microsoft.Data.Sqlite answers a locked file by sleeping 150 ms a try on a pool thread; under concurrent grain
/// writes those sleeps, not the writes, were most of a write's time. Waiting for the turn costs only the previous
/// statement's time. Orleans opens one connection per statement and never two at once, so no turn waits on itself.
/// </summary>
internal sealed class SqliteTurns(string connectionString) : DbDataSource
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new TurnConnection(connectionString, _turn);

    /// <summary>Holds the turn from a successful open until it is closed (disposing closes it).</summary>
    private sealed class TurnConnection(string connectionString, SemaphoreSlim turn) : SqliteConnection(connectionString)
    {
        private bool _holdsTurn;

        public override void Open()
        {
            turn.Wait();
            OpenHoldingTurn();
        }

        public override async Task OpenAsync(CancellationToken cancellationToken)
        {
            await turn.WaitAsync(cancellationToken);
            OpenHoldingTurn();
        }

        public override void Close()
        {
            base.Close();
            if (_holdsTurn)
            {
                _holdsTurn = false;
                turn.Release();
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
                turn.Release();
                throw;
            }
        }
    }
}
