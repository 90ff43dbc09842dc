package org.tonkla.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.directory.UnitImportPreview.ChangeKind;
import org.tonkla.directory.internal.UnitLists;
import org.tonkla.identity.OrgUnit;
import org.tonkla.platform.InvalidInput;

/**
 * Issue 16 point 6: the national list of health units as shipped (counts from its PROVENANCE.md), an
 * updated list that renames, closes and adds, the registry's own format, owners with a date, and
 * search. Each test changes only units of its own (Mukdahan, Yasothon, its own codes).
 */
class HealthUnitsTest extends IntegrationTest {

    @Autowired Directory directory;
    @Autowired UnitLists lists;
    @Autowired UnitOwners owners;
    @Autowired JdbcClient jdbc;

    private static final String SHIPPED_HEADER =
            "hospcode,name_th,type_code,province_code,district_code,subdistrict_code,moo,status,hospcode9,agency_code,source,source_date\n";

    @Test
    void theShippedListLoadsAllUnitsWithKhonKaensHealthStations() {
        long added = jdbc.sql("""
                SELECT count(*) FROM service_unit_change c JOIN unit_import i ON i.id = c.import_id
                 WHERE i.file_name = 'reference/health-units/health-units.csv.gz' AND c.kind = 'ADDED'""")
                .query(Long.class).single();
        assertThat(added).isEqualTo(22_171);
        assertThat(jdbc.sql("SELECT count(*) FROM service_unit WHERE hospcode IS NOT NULL AND health_kind IS NOT NULL")
                .query(Long.class).single()).isGreaterThanOrEqualTo(22_171);
        assertThat(jdbc.sql("SELECT count(*) FROM service_unit WHERE province_code = '40' AND health_kind = 'RPST'")
                .query(Long.class).single()).isEqualTo(249);
        // Blank stays blank: Bangkok clinics known only to their province are listed under it.
        assertThat(jdbc.sql("SELECT count(*) FROM service_unit WHERE hospcode IS NOT NULL AND district_code IS NULL")
                .query(Long.class).single()).isGreaterThan(6_000);
    }

    @Test
    void hospcode10670IsKhonKaenHospitalInNaiMueang() {
        var unit = directory.serviceUnitByHospcode("10670").orElseThrow();
        assertThat(unit.nameTh()).isEqualTo("โรงพยาบาลขอนแก่น");
        assertThat(unit.subdistrictCode()).isEqualTo("400101");
        assertThat(unit.districtCode()).isEqualTo("4001");
        assertThat(unit.type()).isEqualTo(ServiceUnitType.HOSPITAL);
        assertThat(unit.healthKind()).isEqualTo(HealthUnitKind.REGIONAL_HOSPITAL);
        assertThat(unit.agencyCode()).isEqualTo("OPS-MOPH");
        assertThat(directory.serviceUnitByHospcode("13646").orElseThrow().healthKind()).isEqualTo(HealthUnitKind.BMA_HEALTH_CENTER);
        assertThat(directory.serviceUnitByHospcode("04250").orElseThrow().agencyCode()).isEqualTo("MOPH");
    }

    @Test
    void searchByHospcodeAndByNameWithOrWithoutToneMarks() {
        var officer = session();
        officer.login("officer.khonkaen", "tonkla-demo");
        var byCode = officer.getJson("/api/v1/service-units?q=04250");
        assertThat(byCode.statusCode()).isEqualTo(200);
        assertThat(byCode.body()).startsWith("[{").contains("โรงพยาบาลส่งเสริมสุขภาพตำบลโคกสี")
                .contains("\"subdistrictCode\":\"400103\"");
        assertThat(directory.searchServiceUnits("04250", 5).getFirst().nameTh()).isEqualTo("โรงพยาบาลส่งเสริมสุขภาพตำบลโคกสี");
        assertThat(directory.searchServiceUnits("โรงพยาบาลขอนแกน", 20)).extracting(ServiceUnit::hospcode).contains("10670");
        assertThat(directory.searchServiceUnits("โรงพยาบาลขอนแก่น", 20)).extracting(ServiceUnit::hospcode).contains("10670");
        assertThat(directory.searchServiceUnits("โคกสี", "4001", ServiceUnitType.HEALTH_CENTER, 20))
                .extracting(ServiceUnit::hospcode).contains("04250")
                .allSatisfy(h -> assertThat(h).isNotNull());
        assertThat(directory.serviceUnitsIn("40", ServiceUnitType.HOSPITAL, 500)).extracting(ServiceUnit::hospcode)
                .contains("10670", "11000");
        // A HOSPCODE without its leading zero; LIKE's wildcards are plain characters in a search.
        assertThat(directory.searchServiceUnits("4250", 5).getFirst().hospcode()).isEqualTo("04250");
        assertThat(directory.searchServiceUnits("%", 5)).isEmpty();
        assertThat(directory.searchServiceUnits("_", 5)).isEmpty();
    }

    @Test
    void anUpdatedListRenamesClosesAndAddsWithHistory() {
        String csv = SHIPPED_HEADER
                + "05740,โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านกุดโง้ง (ชื่อใหม่),03,49,4901,490101,4,,,,,2026-01-15\n"
                + "05741,โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านโคก,03,49,4901,490103,2,closed,,,,2026-01-15\n"
                + "05742,โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านหนองแวง,03,49,4901,490103,12,,,,,\n"
                + "49999,โรงพยาบาลส่งเสริมสุขภาพตำบลทดสอบใหม่,18,49,4901,490101,,active,,,,2026-01-15\n";
        byte[] content = csv.getBytes(StandardCharsets.UTF_8);
        var preview = lists.preview("mukdahan-2026.csv", content, "test");
        assertThat(preview.format()).isEqualTo("SHIPPED");
        assertThat(preview.changes()).extracting(UnitImportPreview.Change::kind)
                .containsExactlyInAnyOrder(ChangeKind.RENAMED, ChangeKind.CLOSED, ChangeKind.ADDED);
        assertThat(directory.serviceUnitByHospcode("49999")).isEmpty(); // a preview changes nothing

        lists.apply(preview.importId(), "test");

        var renamed = directory.serviceUnitByHospcode("05740").orElseThrow();
        assertThat(renamed.nameTh()).isEqualTo("โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านกุดโง้ง (ชื่อใหม่)");
        assertThat(owners.history(renamed.id())).anySatisfy(h -> {
            assertThat(h.kind()).isEqualTo(ChangeKind.RENAMED);
            assertThat(h.oldValue()).isEqualTo("โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านกุดโง้ง");
            assertThat(h.changedBy()).isEqualTo("test");
        });
        var closed = directory.serviceUnitByHospcode("05741").orElseThrow();
        assertThat(closed.status()).isEqualTo(UnitStatus.CLOSED);
        assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(closed.acceptsNewRecords()).isFalse();
        assertThat(directory.searchServiceUnits("05741", 5)).extracting(ServiceUnit::id).contains(closed.id());
        var added = directory.serviceUnitByHospcode("49999").orElseThrow();
        assertThat(added.healthKind()).isEqualTo(HealthUnitKind.RPST);
        assertThat(added.agencyCode()).isEqualTo("MOPH");

        // Idempotent: the same list again changes nothing, and a stored preview applies once.
        assertThat(lists.dryRun("mukdahan-2026.csv", content).changes()).isEmpty();
        assertThatThrownBy(() -> lists.apply(preview.importId(), "test")).isInstanceOf(org.tonkla.platform.Conflict.class);
    }

    @Test
    void theRegistrysOwnFormatRetypesAndTransfersAUnitToLocalGovernment() {
        String csv = "ชื่อ,รหัส 9 หลักใหม่,รหัส 9 หลัก,รหัส 5 หลัก,เลขอนุญาตให้ประกอบสถานบริการสุขภาพ 11 หลัก,ประเภทองค์กร,"
                + "ประเภทหน่วยบริการสุขภาพ,สังกัด,แผนก/กรม,ระดับโรงพยาบาล,เตียงที่ใช้จริง,สถานะการใช้งาน,เขตสุขภาพ,health_region_id,"
                + "ที่อยู่,code,จังหวัด,รหัสอำเภอ,อำเภอ/เขต,รหัสตำบล,ตำบล/แขวง,หมู่,รหัสไปรษณีย์,แม่ข่าย,วันที่ก่อตั้ง,วันที่ปิดบริการ,"
                + "อัพเดตล่าสุด(เริ่ม 05/09/2566)\n"
                + "โรงพยาบาลส่งเสริมสุขภาพตำบลอำเภอเมืองยโสธร,DA0003822,382200,3822,,รัฐบาล,โรงพยาบาลส่งเสริมสุขภาพตำบล,"
                + "องค์กรปกครองส่วนท้องถิ่น,,,0,กำลังใช้งาน,เขตสุขภาพที่ 10,10,,35,ยโสธร,3501,เมืองยโสธร,350101,ในเมือง,0,35000,,,,1/10/2023\n";
        var done = lists.importNow("health_office.csv", csv.getBytes(StandardCharsets.UTF_8), "test");
        assertThat(done.format()).isEqualTo("REGISTRY");
        assertThat(done.changes()).extracting(UnitImportPreview.Change::kind)
                .containsExactlyInAnyOrder(ChangeKind.RETYPED, ChangeKind.OWNER);
        var unit = directory.serviceUnitByHospcode("03822").orElseThrow();
        assertThat(unit.agencyCode()).isEqualTo("DLA");
        assertThat(owners.ownerOn(unit.id(), LocalDate.of(2023, 9, 30))).isEqualTo("MOPH");
        assertThat(owners.ownerOn(unit.id(), LocalDate.of(2023, 10, 1))).isEqualTo("DLA");
        assertThat(directory.placementOf(OrgUnit.serviceUnit(unit.id())).orElseThrow().agencyLineage()).contains("DLA", "MOI");
    }

    @Test
    void aTransferToAProvincialAdministrationTakesEffectOnItsDate() {
        var unit = directory.serviceUnitByHospcode("03823").orElseThrow();
        LocalDate transfer = today().plusDays(30);
        owners.change(unit.id(), "DLA", transfer, "admin", null);
        assertThat(directory.serviceUnit(unit.id()).orElseThrow().agencyCode()).isEqualTo("MOPH");
        assertThat(owners.ownerOn(unit.id(), transfer.minusDays(1))).isEqualTo("MOPH");
        assertThat(owners.ownerOn(unit.id(), transfer)).isEqualTo("DLA");
        assertThat(owners.history(unit.id())).anySatisfy(h -> {
            assertThat(h.kind()).isEqualTo(ChangeKind.OWNER);
            assertThat(h.effectiveOn()).isEqualTo(transfer);
        });
        var now = directory.serviceUnitByHospcode("03824").orElseThrow();
        owners.change(now.id(), "DLA", today(), "admin", null);
        assertThat(directory.serviceUnit(now.id()).orElseThrow().agencyCode()).isEqualTo("DLA");
        assertThat(jdbc.sql("SELECT agency_code FROM directory_unit_place WHERE unit_id = ?").param(now.id())
                .query(String.class).single()).isEqualTo("DLA");
        assertThatThrownBy(() -> owners.change(now.id(), "NO-SUCH", today(), "admin", null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void badRowsAreNamedByRowAndFieldAndNothingChanges() {
        String csv = SHIPPED_HEADER
                + "49998,หน่วยที่ถูกต้อง,03,49,4901,490101,,,,,,\n"
                + "49997,จังหวัดผิด,03,99,,,,,,,,\n"
                + "12a,รหัสผิด,03,49,,,,,,,,\n"
                + "49996,,03,49,4901,490101,,,,,,2026-13-40\n";
        assertThatThrownBy(() -> lists.preview("bad.csv", csv.getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field)
                        .containsExactly("row 3 province_code", "row 4 hospcode", "row 5 name_th", "row 5 source_date"));
        assertThat(directory.serviceUnitByHospcode("49998")).isEmpty();
    }

    @Test
    void centersAndSchoolsComeFromTheTemplateTheSameWay() {
        String csv = "unit_type,name_th,name_en,agency_code,official_code,subdistrict_code,status,closed_on\n"
                + "EARLY_CHILDHOOD_CENTER,ศูนย์พัฒนาเด็กเล็กบ้านทดสอบแม่แบบ,,DLA,T-0001,400104,,\n"
                + "KINDERGARTEN,โรงเรียนอนุบาลทดสอบแม่แบบ,Template Test School,OBEC,1040999901,400104,active,\n";
        var done = lists.importNow("centers.csv", csv.getBytes(StandardCharsets.UTF_8), "test");
        assertThat(done.format()).isEqualTo("SERVICE_UNITS");
        assertThat(done.count(ChangeKind.ADDED)).isEqualTo(2);
        assertThat(directory.searchServiceUnits("1040999901", 5)).extracting(ServiceUnit::type).containsExactly(ServiceUnitType.KINDERGARTEN);
        assertThat(lists.dryRun("centers.csv", csv.getBytes(StandardCharsets.UTF_8)).changes()).isEmpty();
        String moved = csv.replace("T-0001,400104", "T-0001,400105");
        assertThat(lists.dryRun("centers.csv", moved.getBytes(StandardCharsets.UTF_8)).changes())
                .extracting(UnitImportPreview.Change::kind).containsExactly(ChangeKind.MOVED);
        String bad = csv.replace("OBEC,1040999901,400104", "NOPE,12,409999");
        assertThatThrownBy(() -> lists.dryRun("centers.csv", bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::field)
                        .containsExactly("row 3 agency_code", "row 3 official_code", "row 3 subdistrict_code"));
    }
}
