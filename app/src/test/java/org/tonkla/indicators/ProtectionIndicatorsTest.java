package org.tonkla.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * Issue 17 §4: vulnerable children (latest protection screening MEDIUM or HIGH, or a concern open) by district and
 * risk item, in the indicators and in the open data. Hand-computed children of one province of their own (Satun, 91)
 * give the exact counts; the protection open file publishes no count from 1 to 4 and a differencing attack over its
 * tables recovers nothing.
 */
class ProtectionIndicatorsTest extends IntegrationTest {

    static final String PROVINCE = "91";

    @Autowired JdbcClient jdbc;
    @Autowired IndicatorRefresh refresh;
    @Autowired OpenData openData;
    @Autowired Indicators indicators;

    final HttpClient http = HttpClient.newHttpClient();
    int made;

    @Test
    void vulnerableChildrenByDistrictAndItem() throws Exception {
        List<String> districts = jdbc.sql("SELECT code FROM area WHERE parent_code = ? ORDER BY code LIMIT 2")
                .param(PROVINCE).query(String.class).list();
        String d1 = districts.get(0);
        String d2 = districts.get(1);
        Instant morning = today().atTime(1, 0).atZone(ZoneId.of("Asia/Bangkok")).toInstant();
        Instant later = morning.plusSeconds(3600);
        // District 1: six children MEDIUM (not with parents + caregiver unable: 2 + 3 under the national rule).
        for (int i = 0; i < 6; i++) screening(child(d1), morning, "MEDIUM", null, "not-with-parents", "caregiver-unable");
        // One HIGH with its concern open: counts, with its item.
        UUID injured = child(d1);
        screening(injured, morning, "HIGH", concern(injured, morning, null), "unexplained-injury");
        // A concern still open although the latest screening is LOW: counts (the office still works on it).
        UUID followed = child(d1);
        screening(followed, morning, "HIGH", concern(followed, morning, null), "domestic-violence");
        screening(followed, later, "LOW", null, "long-absence");
        // A concern closed and the latest screening LOW: no longer counts; nor MEDIUM then LOW.
        UUID closed = child(d1);
        screening(closed, morning, "HIGH", concern(closed, morning, later), "unexplained-injury");
        screening(closed, later, "LOW", null, "not-with-parents");
        UUID better = child(d1);
        screening(better, morning, "MEDIUM", null, "neglect-signs", "long-absence");
        screening(better, later, "LOW", null, "long-absence");
        // District 2: five MEDIUM (neglect + long absence); one LOW, never counted.
        for (int i = 0; i < 5; i++) screening(child(d2), morning, "MEDIUM", null, "neglect-signs", "long-absence");
        screening(child(d2), morning, "LOW", null, "no-registration");
        refresh.refreshDirty();

        int year = today().getYear();
        assertThat(indicators.perDistrict(PROVINCE, year, "protection_vulnerable")).isEqualTo(Map.of(d1, 8L, d2, 5L));
        Map<String, Map<String, Long>> items = new HashMap<>();
        for (String item : List.of("not_with_parents", "caregiver_unable", "unexplained_injury", "neglect_signs",
                "long_absence", "domestic_violence", "no_registration", "child_labour")) {
            items.put(item, indicators.perDistrict(PROVINCE, year, "protection_item_" + item));
        }
        assertThat(items.get("not_with_parents")).isEqualTo(Map.of(d1, 6L));
        assertThat(items.get("caregiver_unable")).isEqualTo(Map.of(d1, 6L));
        assertThat(items.get("unexplained_injury")).isEqualTo(Map.of(d1, 1L));
        assertThat(items.get("long_absence")).isEqualTo(Map.of(d1, 1L, d2, 5L));
        assertThat(items.get("neglect_signs")).isEqualTo(Map.of(d2, 5L));
        assertThat(items.get("domestic_violence")).isEmpty();
        assertThat(items.get("no_registration")).isEmpty();
        // Every item of the screening list has its indicator definition (an item added without one fails here).
        for (String item : jdbc.sql("SELECT code FROM protection_item").query(String.class).list()) {
            assertThat(indicators.definitions().indicator("protection_" + item.replace('-', '_')).numerator())
                    .isEqualTo("protection_item_" + item.replace('-', '_'));
        }

        openData.rebuild();
        List<String[]> rows = csv("/open-data/tonkla-child-protection.csv");
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r[7]).startsWith("protection_"));
        assertThat(csv("/open-data/tonkla-child-indicators.csv")).noneSatisfy(r -> assertThat(r[7]).startsWith("protection_"));
        String yearBe = String.valueOf(year + 543);
        // 8 of district 1's 10 children, 5 of district 2's 6 and 13 of the province's 16 are vulnerable: published, each
        // would tell of 2, 1 and 3 children who are not (the year's children are published), so all three are withheld.
        assertThat(count(rows, yearBe, d1, "protection_vulnerable")).isEmpty();
        assertThat(count(rows, yearBe, d2, "protection_vulnerable")).isEmpty();
        assertThat(count(rows, yearBe, "ALL", "protection_vulnerable")).isEmpty();
        assertThat(count(rows, yearBe, d1, "protection_item_unexplained_injury")).isEmpty();
        for (String[] r : rows) if (!r[8].isEmpty()) assertThat(Long.parseLong(r[8])).as(String.join(",", r)).isNotIn(1L, 2L, 3L, 4L);
        // One child alone in district 1 (unexplained injury, long absence) is withheld, and so is what would give it away.
        assertThat(List.of(count(rows, yearBe, d2, "protection_item_long_absence"),
                count(rows, yearBe, "ALL", "protection_item_long_absence"))).contains("");
        assertDifferencingRecoversNothing(rows);
        // Every protection fact is listed, with cases or not (no child here has domestic violence or no registration),
        // and a 0 is published only where there is no child at all (every child here is a boy aged one): a 0 beside a
        // blank would say that the blank is 1 to 4, and where a few cases all fall in one cell, which one it is.
        assertThat(rows.stream().filter(r -> r[0].equals(yearBe) && r[1].equals(PROVINCE)).map(r -> r[7]).distinct())
                .containsAll(items.keySet().stream().map(item -> "protection_item_" + item).toList())
                .contains("protection_vulnerable");
        Map<String, String> children = new HashMap<>();
        for (String[] r : csv("/open-data/tonkla-child-indicators.csv")) {
            if (r[7].equals("children")) children.put(r[0] + "|" + r[1] + "|" + r[3] + "|" + r[5] + "|" + r[6], r[8]);
        }
        for (String[] r : rows) {
            if (r[8].equals("0")) assertThat(children.get(r[0] + "|" + r[1] + "|" + r[3] + "|" + r[5] + "|" + r[6])).as(String.join(",", r)).isEqualTo("0");
        }

        String meta = get("/open-data/api/3/action/package_show?id=tonkla-child-protection");
        assertThat(meta).contains("\"name\":\"tonkla-child-protection\"").contains("\"license_id\":\"cc-by-4.0\"")
                .contains("/open-data/tonkla-child-protection.xlsx");
        assertThat(get("/open-data")).contains("tonkla-child-protection.csv");
        assertThat(get("/open-data/tonkla-child-protection.json")).contains("\"dataset\":\"tonkla-child-protection\"");
    }

    /** As OpenDataTest: per (year, province, fact) block, districts add up to ALL, sexes to ALL, age groups to ALL. */
    private static void assertDifferencingRecoversNothing(List<String[]> rows) {
        Map<String, Map<String, Long>> published = new HashMap<>();
        Map<String, TreeSet<String>> districts = new HashMap<>();
        for (String[] r : rows) {
            String block = r[0] + "|" + r[1] + "|" + r[7];
            published.computeIfAbsent(block, k -> new HashMap<>());
            if (!r[8].isEmpty()) published.get(block).put(r[3] + "|" + r[5] + "|" + r[6], Long.parseLong(r[8]));
            districts.computeIfAbsent(block, k -> new TreeSet<>());
            if (!r[3].equals("ALL")) districts.get(block).add(r[3]);
        }
        List<String> sexes = List.of("M", "F", "ALL");
        List<String> ages = List.of("0-2", "3-5", "ALL");
        for (String block : published.keySet()) {
            List<DifferencingAttack.Equation> eq = new ArrayList<>();
            List<String> ds = new ArrayList<>(districts.get(block));
            for (String s : sexes) for (String a : ages) {
                eq.add(new DifferencingAttack.Equation("ALL|" + s + "|" + a, ds.stream().map(d -> d + "|" + s + "|" + a).toList()));
            }
            ds.add("ALL");
            for (String d : ds) {
                for (String a : ages) eq.add(new DifferencingAttack.Equation(d + "|ALL|" + a, List.of(d + "|M|" + a, d + "|F|" + a)));
                for (String s : sexes) eq.add(new DifferencingAttack.Equation(d + "|" + s + "|ALL", List.of(d + "|" + s + "|0-2", d + "|" + s + "|3-5")));
            }
            assertThat(DifferencingAttack.recovered(eq, published.get(block))).as(block).isEmpty();
        }
    }

    private static String count(List<String[]> rows, String yearBe, String district, String fact) {
        return rows.stream().filter(r -> r[0].equals(yearBe) && r[1].equals(PROVINCE) && r[3].equals(district)
                        && r[5].equals("ALL") && r[6].equals("ALL") && r[7].equals(fact))
                .map(r -> r[8]).findFirst().orElseThrow(() -> new AssertionError("no row " + district + " " + fact));
    }

    /** A boy aged one, living in a subdistrict of {@code district}. */
    private UUID child(String district) {
        String subdistrict = jdbc.sql("SELECT code FROM area WHERE parent_code = ? ORDER BY code LIMIT 1").param(district)
                .query(String.class).single();
        UUID household = UUID.nameUUIDFromBytes(("protection-indicators:" + district).getBytes());
        jdbc.sql("INSERT INTO household (id, subdistrict_code, province_code) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(household, subdistrict, PROVINCE).update();
        UUID child = new Population(jdbc).child("protection-" + made++, "M", today().minusYears(1), PROVINCE);
        jdbc.sql("UPDATE child SET household_id = ? WHERE id = ?").params(household, child).update();
        return child;
    }

    private UUID concern(UUID child, Instant opened, Instant closed) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO protection_concern (id, child_id, province_code, reporter_id, reason, status, opened_at, closed_at)
                VALUES (?, ?, ?, ?, 'test', ?, ?, ?)""")
                .params(id, child, PROVINCE, UUID.randomUUID(), closed == null ? "OPEN" : "CLOSED", Timestamp.from(opened),
                        closed == null ? null : Timestamp.from(closed)).update();
        return id;
    }

    private void screening(UUID child, Instant at, String level, UUID concern, String... items) {
        jdbc.sql("""
                INSERT INTO protection_screening (id, child_id, province_code, recorded_by, recorded_at, items, score,
                                                  level, concern_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), child, PROVINCE, UUID.randomUUID(), Timestamp.from(at), items,
                        switch (level) { case "LOW" -> 2; case "MEDIUM" -> 5; default -> 6; }, level, concern).update();
    }

    private List<String[]> csv(String path) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : get(path).replace("\uFEFF", "").split("\r\n")) rows.add(line.split(",", -1));
        rows.removeFirst();
        return rows;
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
