package org.tonkla.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.core.thai.BuddhistEra;
import org.tonkla.core.thai.NationalId;
import org.tonkla.demo.DemoUnits;
import org.tonkla.exchange.TemplateImports.Problem;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;
import org.tonkla.platform.Refused;

/** Issue 14 §5: the templates of centers and schools, loaded as the pages load a row, into the user's own unit. */
class TemplateImportTest extends IntegrationTest {

    @Autowired TemplateImports templates;
    @Autowired JdbcClient jdbc;

    /** A caregiver of the demo Khon Kaen center, with look-ups of her own (the hourly quota counts per user). */
    CurrentUser teacher() {
        return new CurrentUser(UUID.randomUUID(), "template." + UUID.randomUUID().toString().substring(0, 8), "ครู",
                Role.CAREGIVER, new Scope("DLA", OrgUnit.serviceUnit(DemoUnits.KHON_KAEN_CENTER)), "th");
    }

    static String newNationalId() {
        String first = "1" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        return first + NationalId.checkDigit(first);
    }

    static String be(LocalDate d) {
        return BuddhistEra.formatNumeric(d);
    }

    byte[] csv(TemplateKind kind, String... rows) {
        return (new String(templates.csv(kind), StandardCharsets.UTF_8) + String.join("\r\n", rows) + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    long childrenWith(String... names) {
        return jdbc.sql("SELECT count(*) FROM child WHERE given_name_th IN (:n)").param("n", List.of(names)).query(Long.class).single();
    }

    @Test
    void aTemplateWithKnownFaultsGivesTheExpectedReportAndLoadingItAgainAddsNothing() {
        var user = teacher();
        String a = newNationalId(), b = newNationalId(), c = newNationalId(), d = newNationalId(), e = newNationalId();
        String wrongCheck = a.substring(0, 12) + (char) ('0' + (a.charAt(12) - '0' + 1) % 10);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        LocalDate born = today().minusYears(3).minusDays(17);
        byte[] file = csv(TemplateKind.CHILDREN,
                a + ",ทดสอบ" + tag + "ก,แบบฟอร์ม,ญ," + be(born) + ",อนุบาล 1,,12,",           // row 3: good
                wrongCheck + ",ทดสอบ" + tag + "ข,แบบฟอร์ม,ช," + be(born) + ",,,,",              // row 4: check digit
                b + ",ทดสอบ" + tag + "ค,แบบฟอร์ม,ช," + born.getDayOfMonth() + "/" + born.getMonthValue() + "/" + born.getYear() + ",,,,", // row 5: CE year
                c + ",ทดสอบ" + tag + "ง,แบบฟอร์ม,X," + be(born) + ",,,,",                       // row 6: sex
                d + ",ทดสอบ" + tag + "จ,แบบฟอร์ม,ญ," + be(today().plusDays(10)) + ",,,,",       // row 7: born in the future
                e + ",ทดสอบ" + tag + "ฉ,แบบฟอร์ม,ช," + be(born.minusMonths(5)) + ",อนุบาล 1,,,400101", // row 8: good
                a + ",ทดสอบ" + tag + "ก,แบบฟอร์ม,ญ," + be(born) + ",อนุบาล 1,,12,");          // row 9: row 3 again

        var first = templates.load(TemplateKind.CHILDREN, file, DemoUnits.KHON_KAEN_CENTER, user);

        assertThat(first.rows()).isEqualTo(7);
        assertThat(first.added()).isEqualTo(2);
        assertThat(first.alreadyThere()).isEqualTo(1);
        assertThat(first.problems()).extracting(Problem::row, Problem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, "national_id"), org.assertj.core.groups.Tuple.tuple(5, "birth_date"),
                org.assertj.core.groups.Tuple.tuple(6, "sex"), org.assertj.core.groups.Tuple.tuple(7, "birth_date"));
        assertThat(first.problems().get(1).expected()).contains("Buddhist-era").contains("Christian-era");
        assertThat(childrenWith("ทดสอบ" + tag + "ก", "ทดสอบ" + tag + "ฉ")).isEqualTo(2);
        assertThat(childrenWith("ทดสอบ" + tag + "ข", "ทดสอบ" + tag + "ค", "ทดสอบ" + tag + "ง", "ทดสอบ" + tag + "จ")).isZero();

        var again = templates.load(TemplateKind.CHILDREN, file, DemoUnits.KHON_KAEN_CENTER, user);

        assertThat(again.added()).isZero();
        assertThat(again.alreadyThere()).isEqualTo(3);
        assertThat(again.problems()).isEqualTo(first.problems());
        assertThat(childrenWith("ทดสอบ" + tag + "ก", "ทดสอบ" + tag + "ฉ")).isEqualTo(2);
    }

    @Test
    void measurementsGoThroughTheRosterLimitsAndLoadingThemAgainAddsNothing() {
        var user = teacher();
        String id = newNationalId(), stranger = newNationalId();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        LocalDate born = today().minusYears(3);
        var registered = templates.load(TemplateKind.CHILDREN,
                csv(TemplateKind.CHILDREN, id + ",วัด" + tag + ",แบบฟอร์ม,ช," + be(born) + ",,,,"), DemoUnits.KHON_KAEN_CENTER, user);
        assertThat(registered.added()).isEqualTo(1);
        String on = be(today().minusDays(3));
        byte[] file = csv(TemplateKind.MEASUREMENTS,
                id + "," + on + ",14.2,95.0,ยืน,",            // row 3: good
                id + "," + be(today().minusDays(2)) + ",14.3,950,ยืน,", // row 4: millimetres
                stranger + "," + on + ",14.0,94,ยืน,",        // row 5: no such child at this unit
                id + "," + on + ",,,,");                      // row 6: nothing measured

        var first = templates.load(TemplateKind.MEASUREMENTS, file, DemoUnits.KHON_KAEN_CENTER, user);

        assertThat(first.added()).isEqualTo(1);
        assertThat(first.problems()).extracting(Problem::row, Problem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, "length_cm"), org.assertj.core.groups.Tuple.tuple(5, "national_id"),
                org.assertj.core.groups.Tuple.tuple(6, "weight_kg"));
        var again = templates.load(TemplateKind.MEASUREMENTS, file, DemoUnits.KHON_KAEN_CENTER, user);
        assertThat(again.added()).isZero();
        assertThat(again.alreadyThere()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM growth_measurement m JOIN child c ON c.id = m.child_id WHERE c.given_name_th = ?""")
                .param("วัด" + tag).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aUnitOutsideTheUsersScopeIsRefusedBeforeAnyRow() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        byte[] file = csv(TemplateKind.CHILDREN, newNationalId() + ",นอก" + tag + ",แบบฟอร์ม,ช," + be(today().minusYears(2)) + ",,,,");

        assertThatThrownBy(() -> templates.load(TemplateKind.CHILDREN, file, DemoUnits.CHIANG_MAI_CENTER, teacher()))
                .isInstanceOf(Refused.class);
        assertThat(childrenWith("นอก" + tag)).isZero();
    }

    @Test
    void theTemplatesHaveTheThaiHeaderRowAndAFilledInWorkbookLoads() throws Exception {
        assertThat(new String(templates.csv(TemplateKind.MEASUREMENTS), StandardCharsets.UTF_8))
                .startsWith("\uFEFFเลขประจำตัวประชาชน *,วันที่ชั่ง/วัด (วว/ดด/ปปปป พ.ศ.) *,น้ำหนัก (กก.)");
        byte[] filled;
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(templates.workbook(TemplateKind.CHILDREN)));
                var out = new ByteArrayOutputStream()) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("เลขประจำตัวประชาชน *");
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("วันเกิด (วว/ดด/ปปปป พ.ศ.) *");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("national_id");
            var row = sheet.createRow(2);
            String tag = UUID.randomUUID().toString().substring(0, 6);
            String[] values = {newNationalId(), "สมุด" + tag, "แบบฟอร์ม", "หญิง", be(today().minusYears(4))};
            for (int i = 0; i < values.length; i++) row.createCell(i).setCellValue(values[i]);
            book.write(out);
            filled = out.toByteArray();
        }
        var report = templates.load(TemplateKind.CHILDREN, filled, DemoUnits.KHON_KAEN_CENTER, teacher());
        assertThat(report.problems()).isEmpty();
        assertThat(report.added()).isEqualTo(1);
    }
}
