using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.WorkOrders.Domain;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>The copy of staff the desk dispatches to, fed by StaffChanged and filled from Directory's staff feed in any order.</summary>
public sealed class EngineerCopyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Staff = Guid.NewGuid();
    private static readonly Guid Tower = Guid.NewGuid();
    private static readonly Guid Park = Guid.NewGuid();

    [Fact]
    public void A_staff_record_read_before_they_were_taken_off_a_property_does_not_make_them_dispatchable_again()
    {
        var takenOff = Changed(T0.AddSeconds(2), Tower, assigned: false, [Park]);
        var engineer = Engineer.From(takenOff);

        engineer.Apply(Record(T0.AddSeconds(1), [Tower, Park])).ShouldBeFalse();

        engineer.CanBeDispatched.ShouldBeFalse();
    }

    [Fact]
    public void A_newer_record_replaces_the_copy_and_a_late_older_event_is_ignored()
    {
        var older = Changed(T0, Tower, assigned: true, [Tower], name: "李工");
        var engineer = Engineer.From(older);

        engineer.Apply(Record(T0.AddSeconds(5), [Park], name: "李工程师")).ShouldBeTrue();
        engineer.Apply(older).ShouldBeFalse();

        // Taken off the tower in Directory's current record: no longer dispatchable there.
        (engineer.Name, engineer.CanBeDispatched).ShouldBe(("李工程师", false));
    }

    [Fact]
    public void A_record_from_the_feed_makes_an_engineer_dispatchable_in_each_of_their_properties()
    {
        var record = Record(T0, [Tower, Park]);

        Engineer.From(record, Park).CanBeDispatched.ShouldBeTrue();
        Engineer.From(record with { Roles = [StaffRole.Supervisor] }, Park).CanBeDispatched.ShouldBeFalse();
    }

    private static StaffChanged Changed(DateTimeOffset at, Guid property, bool assigned, Guid[] properties, string name = "李工") =>
        new(Guid.NewGuid(), at, property, Staff, assigned, name, "13900139000", Department.Engineering, [StaffRole.Engineer], properties);

    private static StaffRecord Record(DateTimeOffset version, Guid[] properties, string name = "李工") =>
        new(Staff, name, "13900139000", Department.Engineering, [StaffRole.Engineer], properties, version);
}
