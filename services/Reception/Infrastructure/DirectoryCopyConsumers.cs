using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Reception.Infrastructure;

/// <summary>Adds a company's new authorised signer to Reception's copy (the exit-pass check reads it).</summary>
public sealed class AuthorisedSignerAddedConsumer(ReceptionDbContext db, TimeProvider time)
    : IdempotentConsumer<AuthorisedSignerAdded, ReceptionDbContext>(db, time)
{
    protected override async Task HandleAsync(AuthorisedSignerAdded message, CancellationToken cancellationToken)
    {
        if (await Db.AuthorisedSigners.FindAsync([message.SignerId], cancellationToken) is { } known)
        {
            known.Apply(message);
        }
        else
        {
            Db.AuthorisedSigners.Add(AuthorisedSigner.From(message));
        }
    }
}

/// <summary>Marks a signer's authorisation withdrawn: passes they sign from then on are refused.</summary>
public sealed class AuthorisedSignerWithdrawnConsumer(ReceptionDbContext db, TimeProvider time)
    : IdempotentConsumer<AuthorisedSignerWithdrawn, ReceptionDbContext>(db, time)
{
    protected override async Task HandleAsync(AuthorisedSignerWithdrawn message, CancellationToken cancellationToken)
    {
        if (await Db.AuthorisedSigners.FindAsync([message.SignerId], cancellationToken) is { } known)
        {
            known.Withdraw(message.WithdrawnAt);
        }
        else
        {
            Db.AuthorisedSigners.Add(AuthorisedSigner.From(message));
        }
    }
}

/// <summary>Keeps the copy of who occupies which unit: a move-in adds to it.</summary>
public sealed class OccupancyStartedConsumer(ReceptionDbContext db, TimeProvider time)
    : IdempotentConsumer<OccupancyStarted, ReceptionDbContext>(db, time)
{
    protected override async Task HandleAsync(OccupancyStarted message, CancellationToken cancellationToken)
    {
        if (await Db.Occupancies.FindAsync([message.OccupancyId], cancellationToken) is null)
        {
            Db.Occupancies.Add(Occupancy.From(message));
        }
    }
}

/// <summary>A move-out ends the occupancy in the copy.</summary>
public sealed class OccupancyEndedConsumer(ReceptionDbContext db, TimeProvider time)
    : IdempotentConsumer<OccupancyEnded, ReceptionDbContext>(db, time)
{
    protected override async Task HandleAsync(OccupancyEnded message, CancellationToken cancellationToken)
    {
        if (await Db.Occupancies.FindAsync([message.OccupancyId], cancellationToken) is { } occupancy)
        {
            occupancy.End(message.EndDate);
        }
        else
        {
            Db.Occupancies.Add(Occupancy.From(message));
        }
    }
}
