package org.tonkla.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * Issue 15 §1: an indicator cut by sex and age group on the dashboard, counted by hand on a population of its own (a
 * subdistrict of Narathiwat no other test writes to).
 */
class IndicatorBreakdownTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired IndicatorRefresh refresh;

    @Test
    void stuntingBySexAndAgeGroupCountsEachChildOnce() {
        String subdistrict = jdbc.sql("SELECT code FROM area WHERE code LIKE '9601%' AND length(code) = 6 ORDER BY code LIMIT 1")
                .query(String.class).single();
        Population p = new Population(jdbc);
        UUID household = p.household("breakdown-household", subdistrict, "96");
        int year = today().getYear() - 1;
        // Girls: two of three stunted, aged 2 on 31 December; boys: one of two stunted, aged 4.
        String[][] children = {{"F", "-3", "2"}, {"F", "-2.5", "2"}, {"F", "0", "2"}, {"M", "-3", "4"}, {"M", "1", "4"}};
        for (int i = 0; i < children.length; i++) {
            String[] c = children[i];
            UUID child = p.child("breakdown-" + i, c[0], LocalDate.of(year - Integer.parseInt(c[2]), 3, 1), "96");
            p.livesIn(child, household);
            p.growth(child, LocalDate.of(year, 6, 1), Double.parseDouble(c[1]), 0.0, -1.0);
        }
        refresh.refreshDirty();

        var admin = session();
        admin.login("admin", "tonkla-demo");
        String bySex = admin.get("/indicators?indicator=stunting&year=" + (year + 543) + "&area=" + subdistrict + "&by=sex",
                "text/html").body();
        String table = bySex.substring(bySex.indexOf("id=\"breakdown-table\""));
        assertThat(table.replaceAll("\\s+", "")).contains("<td>หญิง</td><td>2</td><td>3</td><td>66.7</td>",
                "<td>ชาย</td><td>1</td><td>2</td><td>50.0</td>");
        String byAge = admin.get("/indicators?indicator=stunting&year=" + (year + 543) + "&area=" + subdistrict + "&by=age_group",
                "text/html").body();
        assertThat(byAge.substring(byAge.indexOf("id=\"breakdown-table\"")).replaceAll("\\s+", ""))
                .contains("<td>อายุ2ปี</td><td>2</td><td>3</td>", "<td>อายุ4ปี</td><td>1</td><td>2</td>");

        // Centers only within a district; another province's officer is refused the cut as the dashboard.
        assertThat(admin.get("/indicators?area=96&by=center", "text/html").statusCode()).isEqualTo(400);
        // A well-formed code of no area is not a page of zeros, even for the whole country's scope.
        assertThat(admin.get("/indicators?area=409999", "text/html").statusCode()).isEqualTo(404);
        var chiangMai = session();
        chiangMai.login("officer.chiangmai", "tonkla-demo");
        assertThat(chiangMai.get("/indicators?area=96&by=sex", "text/html").statusCode()).isEqualTo(403);
    }
}
