using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using CallPing.Runtime.Activation;

namespace CallPing.Runtime.Storage.Postgres;

/// <summary>
/// Worker module on PostgreSQL: LISTENs for the notifications that triggers raise when outbox rows or reminders
/// are written by any silo, and wakes this silo's pumps, so that new work is picked up in milliseconds.
/// Does nothing on SQLite, where the in-process signals suffice.
/// </summary>
internal sealed class PostgresNotificationListener(IRuntimeStore runtimeStore, RuntimeSignals signals, ILogger<PostgresNotificationListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (runtimeStore is not PostgresRuntimeStore store)
        {
            return;
        }

        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await store.DataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Wake(e.Channel);
                await using (var listen = new NpgsqlCommand("LISTEN callping_outbox; LISTEN callping_reminders", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Anything written while this silo was not listening is found by one scan now.
                signals.Outbox.Set();
                signals.Reminders.Set();
                delay = TimeSpan.FromMilliseconds(200);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Listening for store notifications failed ({Message}); reconnecting in {Delay}", e.Message, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private void Wake(string channel)
    {
        if (channel == "callping_outbox")
        {
            signals.Outbox.Set();
        }
        else
        {
            signals.Reminders.Set();
        }
    }
}
