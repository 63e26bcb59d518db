using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.ServiceDefaults.Data;

namespace PropertyPlatform.Billing.Infrastructure;

/// <summary>
/// Writes a bill run's lines and their <c>BillIssued</c> outbox rows with PostgreSQL's binary COPY, in the caller's
/// transaction: a run of 100,000 units is two streams instead of 200,000 tracked entities and thousands of INSERT
/// batches. The unique index on (unit, period, item, source) still refuses a line issued twice (the COPY fails whole).
/// </summary>
internal static class BillLineCopy
{
    public static async Task WriteAsync(BillingDbContext db, IReadOnlyList<BillLine> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return;
        }
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY bill_lines (id, property_id, unit_id, building_id, building_name, unit_number, payer_id, period, item, source_id, description, " +
            "amount, amount_paid, due_date, status, issued_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var line in lines)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(line.Id, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(line.PropertyId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(line.UnitId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(line.BuildingId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(line.BuildingName, NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(line.UnitNumber, NpgsqlDbType.Varchar, cancellationToken);
                if (line.PayerId is { } payer)
                {
                    await importer.WriteAsync(payer, NpgsqlDbType.Uuid, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                await importer.WriteAsync(line.Period, NpgsqlDbType.Varchar, cancellationToken);
                // Enums are stored by name, as the model's string conversions store them.
                await importer.WriteAsync(line.Item.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(line.SourceId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(line.Description, NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(line.Amount, NpgsqlDbType.Numeric, cancellationToken);
                await importer.WriteAsync(line.AmountPaid, NpgsqlDbType.Numeric, cancellationToken);
                await importer.WriteAsync(line.DueDate, NpgsqlDbType.Date, cancellationToken);
                await importer.WriteAsync(line.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(line.IssuedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            }
            await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY outbox_messages (message_id, message_type, body, trace_parent, created_at, attempts) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var message in lines.SelectMany(l => l.PendingEvents).Select(ServiceDbContext.OutboxMessageOf))
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(message.MessageId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(message.MessageType, NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(message.Body, NpgsqlDbType.Jsonb, cancellationToken);
                if (message.TraceParent is { } trace)
                {
                    await importer.WriteAsync(trace, NpgsqlDbType.Varchar, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                await importer.WriteAsync(message.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            }
            await importer.CompleteAsync(cancellationToken);
        }
    }
}
