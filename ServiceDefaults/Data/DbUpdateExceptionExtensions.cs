using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PropertyPlatform.ServiceDefaults.Data;

public static class DbUpdateExceptionExtensions
{
    /// <summary>A unique index refused the row: a concurrent request stored the same name or number first.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
