using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using PropertyPlatform.Reception.Infrastructure;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

/// <summary>ID numbers stored in plain text before Reception encrypted them are encrypted by the upgrade.</summary>
public sealed class IdNumberEncryptionTests(TestInfrastructure infrastructure)
{
    private const string BeforeEncryption = "20261207001629_ReceptionHandovers";

    [Fact]
    public async Task A_visit_stored_with_a_plain_id_number_reads_back_masked_and_decrypts_after_the_upgrade_and_the_plain_copy_is_gone()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync("encrypt");
        var options = new DbContextOptionsBuilder<ReceptionDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")).Options;
        var visitId = Guid.NewGuid();
        await using (var db = new ReceptionDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeEncryption, Cancel);
            var unitId = Guid.NewGuid();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO units (id, property_id, building_id, building_name, number, floor, type, chargeable_area)
                VALUES ({unitId}, {Guid.NewGuid()}, {Guid.NewGuid()}, 'A座', '1201', 12, 'Office', 100);
                """, Cancel);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO visits (id, property_id, unit_id, visitor_name, visitor_phone, id_type, id_number, purpose, party_size,
                    expected_from, expected_until, pass_code, status, registered_at, is_walk_in)
                VALUES ({visitId}, {Guid.NewGuid()}, {unitId}, '张三', '13800138000', 'ResidentIdCard', {TestIdNumbers.Card}, '拜访', 1,
                    now(), now() + interval '2 hours', '12345678', 'Expected', now(), false);
                """, Cancel);

            await db.Database.MigrateAsync(Cancel);
        }

        var services = new ServiceCollection();
        services.AddDbContext<ReceptionDbContext>(o => o.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")));
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<IdNumberProtector>();
        await using var provider = services.BuildServiceProvider();
        var encryption = new IdNumberEncryption(provider.GetRequiredService<IServiceScopeFactory>(), NullLogger<IdNumberEncryption>.Instance);

        await encryption.StartingAsync(Cancel);

        await using var check = new ReceptionDbContext(options);
        var visit = await check.Visits.AsNoTracking().SingleAsync(v => v.Id == visitId, Cancel);
        visit.IdNumberMasked.ShouldBe("110***********002X");
        visit.IdNumberCiphertext.ShouldNotContain(TestIdNumbers.Card);
        provider.GetRequiredService<IdNumberProtector>().Reveal(visit.IdNumberCiphertext).ShouldBe(TestIdNumbers.Card);
        (await check.Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM visits WHERE unencrypted_id_number IS NOT NULL").SingleAsync(Cancel))
            .ShouldBe(0);
        // Nothing left to do: a second start changes nothing.
        await encryption.StartingAsync(Cancel);
        (await check.Visits.AsNoTracking().SingleAsync(v => v.Id == visitId, Cancel)).IdNumberCiphertext.ShouldBe(visit.IdNumberCiphertext);
    }
}
