using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace PropertyPlatform.ServiceDefaults.Data;

/// <summary>
/// PostgreSQL names in snake_case (work_orders.unit_id), so the schema reads naturally in psql. The
/// EFCore.NamingConventions package is not served here; this covers what the services use: tables,
/// columns, keys, foreign keys and indexes. Names set explicitly in a configuration are kept.
/// </summary>
internal sealed class SnakeCaseNamingConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entity in modelBuilder.Metadata.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table && entity.GetTableNameConfigurationSource() != ConfigurationSource.Explicit
                && entity.FindOwnership() is null)
            {
                entity.SetTableName(ToSnakeCase(table));
            }

            var tableId = entity.GetTableName() is { } name ? StoreObjectIdentifier.Table(name, entity.GetSchema()) : (StoreObjectIdentifier?)null;
            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnNameConfigurationSource() != ConfigurationSource.Explicit && tableId is { } id
                    && property.GetColumnName(id) is { } column)
                {
                    property.SetColumnName(ToSnakeCase(column));
                }
            }

            foreach (var key in entity.GetKeys())
            {
                if (key.GetName() is { } keyName)
                {
                    key.SetName(ToSnakeCase(keyName));
                }
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                if (foreignKey.GetConstraintName() is { } fkName)
                {
                    foreignKey.SetConstraintName(ToSnakeCase(fkName));
                }
            }

            foreach (var index in entity.GetIndexes())
            {
                if (index.GetDatabaseName() is { } indexName)
                {
                    index.SetDatabaseName(ToSnakeCase(indexName));
                }
            }
        }
    }

    /// <summary><c>WorkOrderId</c> → <c>work_order_id</c>; <c>PK_WorkOrders</c> → <c>pk_work_orders</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '_';
                var next = i + 1 < name.Length ? name[i + 1] : '_';
                if (i > 0 && previous != '_' && (char.IsLower(previous) || char.IsDigit(previous) || char.IsLower(next)))
                {
                    builder.Append('_');
                }
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
