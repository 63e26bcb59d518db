using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Tests;

/// <summary>The blocklist and the vehicle register, rule by rule.</summary>
public sealed class BlocklistTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Property = Guid.NewGuid();
    private static readonly Actor Guard = new(Guid.NewGuid(), "保安老周");

    [Fact]
    public void An_entry_names_the_person_by_id_number_or_phone_and_says_why()
    {
        Should.Throw<DomainRuleException>(() => BlocklistEntry.Add(Property, "赵六", null, null, "滋事", Guard, Now)).Message.ShouldContain("ID number or phone");
        Should.Throw<DomainRuleException>(() => BlocklistEntry.Add(Property, "赵六", null, "13800138000", " ", Guard, Now));
        Should.Throw<DomainRuleException>(() => BlocklistEntry.Add(Property, " ", null, "13800138000", "滋事", Guard, Now));

        var entry = BlocklistEntry.Add(Property, "赵六", TestIdNumbers.Protected(), null, "滋事", Guard, Now);

        entry.IsActive.ShouldBeTrue();
        entry.IdNumberMasked.ShouldBe("110***********002X");
        entry.IdNumberCiphertext!.ShouldNotContain(TestIdNumbers.Card);
        entry.AddedByName.ShouldBe("保安老周");
    }

    [Fact]
    public void A_visitor_matches_by_the_same_id_number_or_the_same_phone_digits_but_not_by_name()
    {
        var byId = BlocklistEntry.Add(Property, "赵六", TestIdNumbers.Protected(), null, "滋事", Guard, Now);
        var byPhone = BlocklistEntry.Add(Property, "钱七", null, "138-0013-8000", "推销", Guard, Now);

        byId.Matches(TestIdNumbers.Card, TestIdNumbers.Card, "13900000000").ShouldBeTrue();
        byId.Matches(TestIdNumbers.Card, "110105194912310038", "13800138000").ShouldBeFalse();
        byPhone.Matches(null, "110105194912310038", "138 0013 8000").ShouldBeTrue();
        byPhone.Matches(null, "110105194912310038", "13900139000").ShouldBeFalse();
    }

    [Fact]
    public void A_lifted_entry_refuses_nobody_and_is_lifted_once()
    {
        var entry = BlocklistEntry.Add(Property, "钱七", null, "13800138000", "推销", Guard, Now);

        entry.Lift(Guard, Now.AddDays(1));

        entry.IsActive.ShouldBeFalse();
        entry.Matches(null, TestIdNumbers.Card, "13800138000").ShouldBeFalse();
        Should.Throw<DomainRuleException>(() => entry.Lift(Guard, Now.AddDays(2)));
    }

    [Fact]
    public void A_vehicle_is_registered_with_a_normalised_plate_and_leaves_once()
    {
        var unit = UnitCopy.From(new UnitRegistered(
            Guid.NewGuid(), Now, Property, Guid.NewGuid(), Guid.NewGuid(), "B座", "0801", 8, UnitType.Office, 80m));

        var vehicle = VehicleEntry.Register(Property, "京a·123 45", "快递员", null, unit, "送货", Guard, Now);

        vehicle.PlateNumber.ShouldBe("京A12345");
        vehicle.HostUnitId.ShouldBe(unit.Id);
        vehicle.IsOnSite.ShouldBeTrue();
        vehicle.Leave(Now.AddHours(1));
        vehicle.LeftAt.ShouldBe(Now.AddHours(1));
        Should.Throw<DomainRuleException>(() => vehicle.Leave(Now.AddHours(2)));
        Should.Throw<DomainRuleException>(() => VehicleEntry.Register(Guid.NewGuid(), "京A1", "x", null, unit, "送货", Guard, Now))
            .Message.ShouldContain("another property");
        Should.Throw<DomainRuleException>(() => VehicleEntry.Register(Property, " - ", "x", null, null, "送货", Guard, Now));
    }
}
