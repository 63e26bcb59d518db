using Microsoft.EntityFrameworkCore;

namespace PropertyPlatform.ServiceDefaults.LocalCopies;

/// <summary>
/// A service DbContext that keeps the local copy of units: it exposes them and applies
/// <see cref="UnitCopies.ApplyUnitCopies"/> in <c>OnModelCreating</c>.
/// </summary>
public interface IHasUnitCopies
{
    DbSet<UnitCopy> Units { get; }
}
