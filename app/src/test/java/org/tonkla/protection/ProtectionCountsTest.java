package org.tonkla.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.protection.ProtectionScreeningTest.as;
import static org.tonkla.protection.ProtectionScreeningTest.ok;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * Issue 17 §6: the province's officer plans with counts of children whose latest protection screening was MEDIUM or
 * HIGH, by district and item; a count from 1 to 4 is withheld, a child counts once per item however often screened,
 * a child whose latest screening is LOW no longer counts; another province's officer does not see the district;
 * a teacher is refused.
 */
class ProtectionCountsTest extends IntegrationTest {

    /** A district code of this test's own (Khon Kaen has no district 4098), so other tests' screenings don't mix in. */
    static final String DISTRICT = "4098";

    @Autowired
    JdbcClient jdbc;

    @Test
    void countsByDistrictAndItemWithSmallCellsWithheld() {
        Instant at = Instant.parse("2026-01-10T03:00:00Z");
        for (int i = 0; i < 6; i++) {
            UUID child = UUID.randomUUID();
            screening(child, at, "MEDIUM", "child-labour");
            if (i == 0) screening(child, at.plusSeconds(60), "MEDIUM", "child-labour"); // screened twice: counts once
        }
        for (int i = 0; i < 2; i++) screening(UUID.randomUUID(), at, "MEDIUM", "neglect-signs", "long-absence");
        for (int i = 0; i < 3; i++) screening(UUID.randomUUID(), at, "LOW", "long-absence");
        for (int i = 0; i < 5; i++) {
            UUID better = UUID.randomUUID(); // MEDIUM once, LOW at the latest screening: not counted now
            screening(better, at, "MEDIUM", "caregiver-unable", "not-with-parents");
            screening(better, at.plusSeconds(3600), "LOW", "not-with-parents");
        }

        String page = ok(as(session(), "officer.khonkaen").get("/protection/counts", "text/html"), 200);
        assertThat(cell(page, "child-labour")).isEqualTo("6");
        assertThat(cell(page, "neglect-signs")).isEqualTo("&lt;5");
        assertThat(cell(page, "long-absence")).isEqualTo("&lt;5");
        assertThat(cell(page, "caregiver-unable")).isEqualTo("0");
        assertThat(cell(page, "not-with-parents")).isEqualTo("0");
        assertThat(page).doesNotContain(">2<");

        String other = ok(as(session(), "officer.chiangmai").get("/protection/counts", "text/html"), 200);
        assertThat(other).doesNotContain("data-district=\"" + DISTRICT + "\"");
        assertThat(as(session(), "teacher.kk").get("/protection/counts", "text/html").statusCode()).isEqualTo(403);
    }

    private void screening(UUID child, Instant at, String level, String... items) {
        jdbc.sql("""
                INSERT INTO protection_screening (id, child_id, province_code, district_code, recorded_by, recorded_at,
                                                  items, score, level) VALUES (?, ?, '40', ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), child, DISTRICT, UUID.randomUUID(), Timestamp.from(at), items,
                        level.equals("LOW") ? 2 : 4, level).update();
    }

    private static String cell(String html, String item) {
        Matcher m = Pattern.compile("data-district=\"" + DISTRICT + "\" data-item=\"" + item + "\">([^<]*)<")
                .matcher(html);
        assertThat(m.find()).as(item).isTrue();
        return m.group(1);
    }
}
