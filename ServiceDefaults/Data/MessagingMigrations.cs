using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.ServiceDefaults.Data;

/// <summary>
/// The outbox and inbox tables, written once for every service's initial migration. They must match
/// <see cref="Messaging.OutboxMessage"/> and <see cref="Messaging.InboxMessage"/>; each service's
/// migration test compares the migrated schema with its model.
/// </summary>
public static class MessagingMigrations
{
    public static void CreateOutboxAndInbox(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "outbox_messages",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                message_id = table.Column<Guid>(type: "uuid", nullable: false),
                message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                body = table.Column<string>(type: "jsonb", nullable: false),
                trace_parent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                attempts = table.Column<int>(type: "integer", nullable: false),
                last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_outbox_messages", x => x.id));
        migrationBuilder.CreateIndex("ix_outbox_messages_message_id", "outbox_messages", "message_id", unique: true);
        migrationBuilder.CreateIndex("ix_outbox_messages_sent_at", "outbox_messages", "sent_at");
        migrationBuilder.CreateIndex("ix_outbox_messages_unsent", "outbox_messages", "id", filter: "sent_at IS NULL");

        migrationBuilder.CreateTable(
            name: "inbox_messages",
            columns: table => new
            {
                message_id = table.Column<Guid>(type: "uuid", nullable: false),
                consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer }));
        migrationBuilder.CreateIndex("ix_inbox_messages_processed_at", "inbox_messages", "processed_at");
    }
}
