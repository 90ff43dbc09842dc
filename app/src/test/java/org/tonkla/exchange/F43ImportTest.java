package org.tonkla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.exchange.F43Report.FileCounts;
import org.tonkla.exchange.internal.F43Runner;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildImports;
import org.tonkla.registry.EnrolmentKind;
import org.tonkla.registry.Sex;

/** Issue 14 point 1: the 43-file import on real PostgreSQL, with a generated set that has a fault of every kind. */
class F43ImportTest extends IntegrationTest {

    @Autowired F43Imports imports;
    @Autowired F43Runner runner;
    @Autowired ChildImports children;
    @Autowired JdbcClient jdbc;

    static final Map<String, FileCounts> EXPECTED_FILES = new LinkedHashMap<>();
    static {
        EXPECTED_FILES.put("PERSON", new FileCounts(11, 4, 1, 1, 5, Map.of("BUDDHIST_ERA_DATE", 1L,
                "INVALID_NATIONAL_ID", 1L, "UNKNOWN_CODE", 1L, "UNKNOWN_HOSPCODE", 1L, "WRONG_WIDTH", 1L)));
        EXPECTED_FILES.put("ADDRESS", new FileCounts(3, 1, 0, 1, 1, Map.of("ORPHAN", 1L)));
        EXPECTED_FILES.put("HOME", new FileCounts(2, 1, 0, 0, 1, Map.of("IMPLAUSIBLE_VALUE", 1L)));
        EXPECTED_FILES.put("NUTRITION", new FileCounts(12, 3, 1, 1, 7, Map.of("BEFORE_BIRTH", 1L, "BUDDHIST_ERA_DATE", 1L,
                "FUTURE_DATE", 1L, "IMPLAUSIBLE_VALUE", 1L, "ORPHAN", 1L, "PERSON_REJECTED", 1L, "UNKNOWN_CODE", 1L)));
        EXPECTED_FILES.put("EPI", new FileCounts(5, 2, 1, 0, 2, Map.of("UNKNOWN_CODE", 1L, "WRONG_WIDTH", 1L)));
        EXPECTED_FILES.put("SPECIALPP", new FileCounts(12, 7, 0, 1, 4, Map.of("CONTRADICTORY_CODES", 2L,
                "INCOMPLETE_SCREENING", 1L, "UNKNOWN_CODE", 1L)));
    }

    static Map<String, Long> totals(long addedChildren, long addedMeasurements, long addedVaccinations, long addedScreenings) {
        var t = new LinkedHashMap<String, Long>();
        t.put("persons", 4L);
        t.put("children", 3L);
        t.put("mothers", 1L);
        t.put("measurements", 3L);
        t.put("vaccinations", 2L);
        t.put("screenings", 2L);
        t.put("linked", 1L);
        t.put("added_children", addedChildren);
        t.put("added_measurements", addedMeasurements);
        t.put("added_vaccinations", addedVaccinations);
        t.put("added_screenings", addedScreenings);
        return t;
    }

    /** The fixture, with its "linked" child registered beforehand by another source (a center). */
    F43Fixture fixture(int seed) {
        var f = new F43Fixture(seed, today());
        children.importChildren(List.of(new ChildImports.ImportedChild(
                new ChildId(UUID.nameUUIDFromBytes(("f43-test-linked:" + seed).getBytes())), "เชื่อม", "โยง", Sex.M,
                f.birth2, f.linkedChild, "400101", null, null, null, List.of(),
                List.of(new ChildImports.ImportedEnrolment(org.tonkla.demo.DemoUnits.KHON_KAEN_CENTER,
                        EnrolmentKind.ENROLLED, null, f.birth2.plusYears(2), null)))), "test");
        return f;
    }

    @Test
    void aSetWithAFaultOfEveryKindGivesExactlyTheExpectedReport() {
        var f = fixture(901);
        F43Report report = imports.importNow("F43_99001_901.zip", f.zip(StandardCharsets.UTF_8, "SERVICE.txt"), "test");

        assertThat(report.status()).isEqualTo("DONE");
        assertThat(report.files()).containsExactlyEntriesOf(EXPECTED_FILES);
        assertThat(report.totals()).containsExactlyEntriesOf(totals(2, 3, 2, 2));
        String csv = imports.rejectionsCsv(report.jobId());
        assertThat(csv.lines()).hasSize(1 + 5 + 1 + 1 + 7 + 2 + 4).first().isEqualTo("zip,file,line,reason,detail");
        assertThat(csv).contains("\"F43_99001_901.zip\",NUTRITION,3,IMPLAUSIBLE_VALUE,\"HEIGHT 1020 looks like millimetres")
                .contains("\"F43_99001_901.zip\",PERSON,6,BUDDHIST_ERA_DATE,").contains(",PERSON,5,INVALID_NATIONAL_ID,")
                .contains(",NUTRITION,6,ORPHAN,").contains(",SPECIALPP,10,CONTRADICTORY_CODES,")
                .contains(",SPECIALPP,11,CONTRADICTORY_CODES,").doesNotContain(f.cid(4).substring(0, 12));

        UUID child1 = f.childId(2);
        assertThat(jdbc.sql("SELECT count(*) FROM growth_measurement WHERE child_id = ? AND z_wfa IS NOT NULL")
                .param(child1).query(Long.class).single()).as("scored with the WHO engine").isEqualTo(1);
        assertThat(jdbc.sql("SELECT head_cm FROM growth_measurement WHERE child_id = ? AND z_hcfa IS NOT NULL")
                .param(child1).query(Double.class).list()).as("NUTRITION's HEADCIRCUM, scored for age").containsExactly(46.0);
        assertThat(jdbc.sql("SELECT g.given_name_th FROM child_guardian cg JOIN guardian g ON g.id = cg.guardian_id WHERE cg.child_id = ?")
                .param(child1).query(String.class).list()).containsExactly("สมหญิง");
        UUID linked = UUID.nameUUIDFromBytes(("f43-test-linked:901").getBytes());
        assertThat(jdbc.sql("SELECT count(*) FROM growth_measurement WHERE child_id = ?").param(linked).query(Long.class).single())
                .as("the record joined the child registered before").isEqualTo(1);
    }

    @Test
    void tis620AndUtf8FilesReadTheSame() {
        var f = fixture(902);
        F43Report report = imports.importNow("F43_99001_902.zip", f.zip(Charset.forName("TIS-620")), "test");

        assertThat(report.files()).containsExactlyEntriesOf(EXPECTED_FILES);
        assertThat(jdbc.sql("SELECT given_name_th || ' ' || family_name_th FROM child WHERE id = ?")
                .param(f.childId(3)).query(String.class).single())
                .isEqualTo("ก้องภพ แสนดี");
    }

    @Test
    void theSameZipTwiceAddsNothing() {
        var f = fixture(903);
        byte[] zip = f.zip(StandardCharsets.UTF_8);
        F43Report first = imports.importNow("a.zip", zip, "test");
        long rows = rowsOf(f);

        F43Report again = imports.importNow("a.zip", zip, "test");
        F43Report rezipped = imports.importNow("b.zip", f.zip(StandardCharsets.UTF_8, "README.txt"), "test");

        assertThat(again).isEqualTo(first);
        assertThat(rezipped.jobId()).isNotEqualTo(first.jobId());
        assertThat(rezipped.files()).containsExactlyEntriesOf(EXPECTED_FILES);
        assertThat(rezipped.totals()).containsExactlyEntriesOf(totals(0, 0, 0, 0));
        assertThat(rowsOf(f)).isEqualTo(rows);
    }

    @Test
    void anInterruptedImportResumesToTheCountsOfAnUninterruptedOne() {
        F43Report uninterrupted = imports.importNow("u.zip", fixture(904).zip(StandardCharsets.UTF_8), "test");
        var f = fixture(905);
        byte[] zip = f.zip(StandardCharsets.UTF_8);

        runner.interruptAfter(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.importNow("r.zip", zip, "test"))
                .isInstanceOf(F43Runner.Interrupted.class);
        UUID job = runner.job("r.zip", zip, "test");
        assertThat(imports.report(job).orElseThrow().batchesDone()).isEqualTo(3);
        F43Report resumed = imports.importNow("r.zip", zip, "test");

        assertThat(resumed.jobId()).isEqualTo(job);
        assertThat(resumed.status()).isEqualTo("DONE");
        assertThat(resumed.files()).isEqualTo(uninterrupted.files());
        assertThat(resumed.totals()).isEqualTo(uninterrupted.totals());
        assertThat(rowsOf(f)).isEqualTo(rowsOf(new F43Fixture(904, today())));
    }

    /** Rows of the fixture's children in the registry and the record book. */
    long rowsOf(F43Fixture f) {
        var ids = List.of(f.childId(2), f.childId(3),
                UUID.nameUUIDFromBytes(("f43-test-linked:" + f.seed).getBytes())).toArray(UUID[]::new);
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM growth_measurement WHERE child_id = ANY(:ids))
                     + (SELECT count(*) FROM immunization WHERE child_id = ANY(:ids))
                     + (SELECT count(*) FROM dspm_screening WHERE child_id = ANY(:ids))
                     + (SELECT count(*) FROM child_guardian WHERE child_id = ANY(:ids))""")
                .param("ids", ids).query(Long.class).single();
    }
}
