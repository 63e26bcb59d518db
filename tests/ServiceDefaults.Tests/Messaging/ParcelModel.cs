using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.ServiceDefaults.Tests.Messaging;

// A tiny service of its own for the messaging tests: a parcel is logged at the front desk (the change and
// its event), and a consumer applies the event by recording the parcel as delivered.

public sealed record ParcelLogged(Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid ParcelId, int Sequence) : IIntegrationEvent;

public sealed class Parcel : AggregateRoot
{
    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public int Sequence { get; private set; }

    public static Parcel Log(Guid propertyId, int sequence, DateTimeOffset now)
    {
        var parcel = new Parcel { Id = Guid.CreateVersion7(now), PropertyId = propertyId, Sequence = sequence };
        parcel.Raise(new ParcelLogged(Guid.CreateVersion7(now), now, propertyId, parcel.Id, sequence));
        return parcel;
    }
}

public sealed class DeliveredParcel
{
    public long Id { get; set; }

    public Guid ParcelId { get; set; }

    public Guid PropertyId { get; set; }

    public int Sequence { get; set; }
}

public sealed class ParcelsDbContext(DbContextOptions<ParcelsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Parcel> Parcels => Set<Parcel>();

    public DbSet<DeliveredParcel> Delivered => Set<DeliveredParcel>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Parcel>().HasKey(p => p.Id);
        // No unique index on parcel id: a duplicate application must be visible to the tests, not rejected by the schema.
        modelBuilder.Entity<DeliveredParcel>().HasKey(d => d.Id);
    }
}

public sealed class ParcelLoggedConsumer(ParcelsDbContext db, TimeProvider time) : IdempotentConsumer<ParcelLogged, ParcelsDbContext>(db, time)
{
    protected override Task HandleAsync(ParcelLogged message, CancellationToken cancellationToken)
    {
        Db.Delivered.Add(new DeliveredParcel { ParcelId = message.ParcelId, PropertyId = message.PropertyId, Sequence = message.Sequence });
        return Task.CompletedTask;
    }
}
