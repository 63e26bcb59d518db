using PropertyPlatform.ServiceDefaults.Data;

namespace PropertyPlatform.ServiceDefaults.Tests;

public sealed class SnakeCaseNamingTests
{
    [Theory]
    [InlineData("WorkOrders", "work_orders")]
    [InlineData("UnitId", "unit_id")]
    [InlineData("PK_WorkOrders", "pk_work_orders")]
    [InlineData("IX_work_orders_PropertyId_Number", "ix_work_orders_property_id_number")]
    [InlineData("HVACUnit", "hvac_unit")]
    [InlineData("Address2Line", "address2_line")]
    [InlineData("xmin", "xmin")]
    public void Names_become_snake_case(string name, string expected) =>
        SnakeCaseNamingConvention.ToSnakeCase(name).ShouldBe(expected);
}
