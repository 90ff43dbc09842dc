package org.tonkla.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * Issue 15 points 3 and 6: the open files, fetched without login, publish no count from 1 to 4 in any format,
 * and subtracting published tables and totals recovers no withheld cell.
 */
class OpenDataTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired IndicatorRefresh refresh;
    @Autowired OpenData openData;
    @Autowired IndicatorDefinitions definitions;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void openFilesWithholdSmallCellsAndResistDifferencing() throws Exception {
        // A handful of children in one more province, so small cells certainly exist.
        Population p = new Population(jdbc);
        for (int i = 0; i < 3; i++) p.child("open-" + i, i == 0 ? "F" : "M", LocalDate.of(today().getYear() - 2, 2, 1), "95");
        refresh.refreshDirty();
        openData.rebuild();

        String csv = get("/open-data/tonkla-child-indicators.csv").replace("\uFEFF", "");
        List<String[]> rows = new ArrayList<>();
        for (String line : csv.split("\r\n")) rows.add(parse(line));
        assertThat(rows.getFirst()).containsExactly("year_be", "province_code", "province_name", "district_code",
                "district_name", "sex", "age_group", "fact", "count");
        rows.removeFirst();
        int withheld = 0;
        for (String[] r : rows) {
            if (r[8].isEmpty()) withheld++;
            else assertThat(Long.parseLong(r[8])).as(String.join(",", r)).isNotIn(1L, 2L, 3L, 4L);
        }
        assertThat(withheld).as("the demo population has small cells").isPositive();
        System.out.printf("open data: %d rows, %d withheld%n", rows.size(), withheld);

        // JSON and XLSX carry the same counts.
        Matcher counts = Pattern.compile("\"count\":(null|\\d+)").matcher(get("/open-data/tonkla-child-indicators.json"));
        int jsonRows = 0;
        while (counts.find()) {
            jsonRows++;
            if (!counts.group(1).equals("null")) assertThat(Long.parseLong(counts.group(1))).isNotIn(1L, 2L, 3L, 4L);
        }
        assertThat(jsonRows).isEqualTo(rows.size());
        HttpResponse<byte[]> xlsx = http.send(request("/open-data/tonkla-child-indicators.xlsx"), HttpResponse.BodyHandlers.ofByteArray());
        // Written once per release and served from disk: a second download is the same file.
        assertThat(http.send(request("/open-data/tonkla-child-indicators.xlsx"), HttpResponse.BodyHandlers.ofByteArray()).body())
                .isEqualTo(xlsx.body());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            int n = 0;
            for (Row r : book.getSheetAt(0)) {
                if (r.getRowNum() == 0) continue;
                n++;
                Cell c = r.getCell(8);
                if (c != null && c.getCellType() == CellType.NUMERIC) assertThat(c.getNumericCellValue()).isNotIn(1.0, 2.0, 3.0, 4.0);
            }
            assertThat(n).isEqualTo(rows.size());
        }

        // The differencing attack, block by block (year, province, fact): districts add up to the province
        // total (district ALL), boys and girls to ALL, the two age groups to ALL.
        Map<String, Map<String, Long>> published = new LinkedHashMap<>();
        Map<String, TreeSet<String>> districts = new HashMap<>();
        Map<String, List<String>> cells = new HashMap<>();
        for (String[] r : rows) {
            String block = r[0] + "|" + r[1] + "|" + r[7];
            String cell = r[3] + "|" + r[5] + "|" + r[6];
            cells.computeIfAbsent(block, k -> new ArrayList<>()).add(cell);
            published.computeIfAbsent(block, k -> new HashMap<>());
            if (!r[8].isEmpty()) published.get(block).put(cell, Long.parseLong(r[8]));
            if (!r[3].equals("ALL")) districts.computeIfAbsent(block, k -> new TreeSet<>()).add(r[3]);
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
            assertThat(cells.get(block)).hasSize(ds.size() * 9);
            assertThat(DifferencingAttack.recovered(eq, published.get(block))).as(block).isEmpty();
            // Counts are never negative, and a count is part of its indicator's denominator: where that is published as
            // 0, so is this count. Knowing those zeros recovers nothing else either.
            String[] k = block.split("\\|");
            java.util.Set<String> zeros = new java.util.HashSet<>();
            definitions.indicators().stream().filter(i -> i.numerator().equals(k[2])).forEach(i -> {
                published.getOrDefault(k[0] + "|" + k[1] + "|" + i.denominator(), Map.of())
                        .forEach((cell, n) -> { if (n == 0) zeros.add(cell); });
            });
            assertThat(DifferencingAttack.recoveredKnowingZeros(eq, published.get(block), zeros)).as(block).isEmpty();
        }
        // The linear-programming attacker: counts are never negative, and a count is at most the count it is taken from,
        // cell by cell across the tables of a year and province (stunted ≤ growth_hfa ≤ children, a vaccine ≤ its cohort).
        // Whether its least and greatest values for a withheld cell meet is asked at the true counts, read here from the
        // indicator cells the files are made of.
        Map<String, Long> base = new HashMap<>();
        jdbc.sql("""
                SELECT year_ce + 543, province_code, fact, CASE WHEN district_code = '' THEN 'UNKNOWN' ELSE district_code END,
                       sex, CASE WHEN age_group IN ('0', '1', '2') THEN '0-2' ELSE '3-5' END, sum(n)
                  FROM indicator_cell GROUP BY 1, 2, 3, 4, 5, 6""")
                .query((rs, i) -> base.merge(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                        + "|" + rs.getString(5) + "|" + rs.getString(6), rs.getLong(7), Long::sum)).list();
        Map<String, List<String>> factsOf = new LinkedHashMap<>();
        for (String block : published.keySet()) {
            factsOf.computeIfAbsent(block.substring(0, block.lastIndexOf('|')), k -> new ArrayList<>()).add(block.substring(block.lastIndexOf('|') + 1));
        }
        factsOf.forEach((yearProvince, facts) -> {
            List<DifferencingAttack.Equation> eq = new ArrayList<>();
            List<LinearProgrammingAttack.AtMost> bounds = new ArrayList<>();
            Map<String, Long> known = new HashMap<>();
            for (String fact : facts) {
                String block = yearProvince + "|" + fact;
                List<String> ds = new ArrayList<>(districts.get(block));
                for (String s : sexes) for (String a : ages) {
                    eq.add(new DifferencingAttack.Equation(fact + "|ALL|" + s + "|" + a, ds.stream().map(d -> fact + "|" + d + "|" + s + "|" + a).toList()));
                }
                ds.add("ALL");
                for (String d : ds) {
                    for (String a : ages) eq.add(new DifferencingAttack.Equation(fact + "|" + d + "|ALL|" + a, List.of(fact + "|" + d + "|M|" + a, fact + "|" + d + "|F|" + a)));
                    for (String s : sexes) eq.add(new DifferencingAttack.Equation(fact + "|" + d + "|" + s + "|ALL", List.of(fact + "|" + d + "|" + s + "|0-2", fact + "|" + d + "|" + s + "|3-5")));
                }
                published.get(block).forEach((cell, n) -> known.put(fact + "|" + cell, n));
                // What the definitions tell: a vaccination cohort of the Nth birthday is N years old on 31 December, so
                // its other age group is 0 (a review recovered three cells knowing it). Checked against the truth below.
                Matcher cohort = Pattern.compile("vacc_.+_(\\d+)").matcher(fact);
                if (cohort.matches()) {
                    String never = Integer.parseInt(cohort.group(1)) <= 2 ? "3-5" : "0-2";
                    for (String cell : cells.get(block)) if (cell.endsWith("|" + never)) known.put(fact + "|" + cell, 0L);
                }
                java.util.Set<String> wholes = new java.util.HashSet<>();
                definitions.indicators().stream().filter(i -> i.numerator().equals(fact) && !i.denominator().equals(fact)).forEach(i -> wholes.add(i.denominator()));
                if (fact.startsWith("protection_item_")) wholes.add("protection_vulnerable");
                if (fact.equals("dspm_stimulate")) wholes.add("dspm_suspected");
                if (fact.equals("growth_both")) wholes.addAll(List.of("growth_hfa", "growth_wfh"));
                if (!fact.equals("children")) wholes.add("children");
                wholes.retainAll(facts);
                for (String whole : wholes) for (String cell : cells.get(block)) bounds.add(new LinearProgrammingAttack.AtMost(fact + "|" + cell, whole + "|" + cell));
            }
            Map<String, Long> truth = new HashMap<>();
            for (String fact : facts) for (String cell : cells.get(yearProvince + "|" + fact)) {
                String[] c = cell.split("\\|");
                long n = 0;
                for (String d : districts.get(yearProvince + "|" + fact)) for (String s : List.of("M", "F")) for (String a : List.of("0-2", "3-5")) {
                    if ((c[0].equals("ALL") || c[0].equals(d)) && (c[1].equals("ALL") || c[1].equals(s)) && (c[2].equals("ALL") || c[2].equals(a))) {
                        n += base.getOrDefault(yearProvince + "|" + fact + "|" + d + "|" + s + "|" + a, 0L);
                    }
                }
                truth.put(fact + "|" + cell, n);
            }
            known.forEach((cell, n) -> assertThat(truth.get(cell)).as(cell).isEqualTo(n));
            long t0 = System.nanoTime();
            assertThat(LinearProgrammingAttack.pinnedAtTruth(eq, bounds, known, truth)).as(yearProvince).isEmpty();
            System.out.printf("LP audit %s: %d cells, %d withheld, %d ms%n", yearProvince, truth.size(), truth.size() - known.size(), (System.nanoTime() - t0) / 1_000_000);
        });
        // No count falls short of its indicator's denominator by 1 to 4 where both are published: that would tell of so
        // many children without (one boy in 15 without IPV).
        for (String block : published.keySet()) {
            String[] k = block.split("\\|");
            definitions.indicators().stream().filter(i -> i.numerator().equals(k[2])).forEach(i -> {
                Map<String, Long> whole = published.getOrDefault(k[0] + "|" + k[1] + "|" + i.denominator(), Map.of());
                published.get(block).forEach((cell, n) -> {
                    Long w = whole.get(cell);
                    if (w != null && n > 0) assertThat(w - n).as(block + " " + cell + " of " + i.denominator()).isNotIn(1L, 2L, 3L, 4L);
                });
            });
        }
        // No fact is published with the facts it is the sum of: referral_all = open + closed gave a withheld open away.
        assertThat(rows).noneMatch(r -> List.of("referral_open", "referral_closed", "referral_overdue").contains(r[7]));
        assertThat(rows).anyMatch(r -> r[7].equals("referral_all"));

        // Nothing personal: no names, no ids; and the metadata is CKAN's package_show shape with a licence.
        assertThat(csv).doesNotContain("ทดสอบ").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-").doesNotContainPattern("\\d{13}");
        String meta = get("/open-data/api/3/action/package_show?id=tonkla-child-indicators");
        assertThat(meta).contains("\"success\":true").contains("\"license_id\":\"cc-by-4.0\"").contains("\"format\":\"CSV\"");
        // CKAN's core package fields are all there (ckanapi and ckanext-harvest read them), an open licence marked open.
        var pack = tools.jackson.databind.json.JsonMapper.builder().build().readTree(meta).get("result");
        for (String field : List.of("author", "author_email", "maintainer", "maintainer_email", "url", "version", "groups",
                "isopen", "private", "type", "state", "num_tags", "num_resources")) {
            assertThat(pack.has(field)).as(field).isTrue();
        }
        assertThat(pack.get("isopen").asBoolean()).isTrue();
        assertThat(pack.get("url").asText()).endsWith("/open-data");
        assertThat(get("/open-data")).contains("tonkla-child-indicators.xlsx")
                // the codebook: an indicator in Thai beside the codes of the facts it divides
                .containsPattern("<td>ภาวะเตี้ย[^<]*</td>\\s*<td><code>stunted</code></td>\\s*<td><code>growth_hfa</code></td>");
    }

    @Test
    void harvestersFindEveryFileThroughCkanAndDcat() throws Exception {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        // CKAN: package_list names both datasets; each package_show lists its three files at absolute, working addresses.
        var list = json.readTree(get("/open-data/api/3/action/package_list"));
        assertThat(list.get("result").valueStream().map(n -> n.asString()).toList())
                .containsExactly("tonkla-child-indicators", "tonkla-child-protection");
        for (String id : List.of("tonkla-child-indicators", "tonkla-child-protection")) {
            var resources = json.readTree(get("/open-data/api/3/action/package_show?id=" + id)).get("result").get("resources");
            assertThat(resources.size()).isEqualTo(3);
            for (var resource : resources) {
                assertThat(resource.get("url").asString()).startsWith("http://localhost:" + port + "/open-data/" + id + ".");
                assertThat(http.send(HttpRequest.newBuilder(URI.create(resource.get("url").asString())).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            }
        }
        // CKAN's answers where a harvester (ckanapi calls by POST) would otherwise trip: a POST works without a CSRF
        // token, a call without an id is CKAN's 409, an action not offered is CKAN's JSON error, not an HTML page.
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/open-data/api/3/action/package_show")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"tonkla-child-protection\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(json.readTree(posted.body()).get("result").get("id").asString()).isEqualTo("tonkla-child-protection");
        HttpResponse<String> missing = http.send(request("/open-data/api/3/action/package_show"), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(409);
        assertThat(json.readTree(missing.body()).get("success").asBoolean()).isFalse();
        HttpResponse<String> unknown = http.send(request("/open-data/api/3/action/group_list"), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("error").get("message").asString()).isEqualTo("Action name not known");
        assertThat(json.readTree(unknown.body()).get("help").asString()).startsWith("http").endsWith("/open-data");
        var status = json.readTree(http.send(request("/open-data/api/3/action/status_show"), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(status.get("success").asBoolean()).isTrue();
        assertThat(status.get("result").get("site_url").asString()).startsWith("http").endsWith("/open-data");
        assertThat(status.get("result").has("ckan_version")).isTrue();
        // A form post, as CKAN also accepts; a body that is not JSON is CKAN's JSON error, not a 500.
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/open-data/api/3/action/package_show")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id=tonkla-child-protection")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> garbled = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/open-data/api/3/action/package_show")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(json.readTree(garbled.body()).get("success").asBoolean()).isFalse();
        // Nor is an anonymous caller's body held whole in memory: past 64 KB it is refused.
        HttpResponse<String> huge = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/open-data/api/3/action/package_search")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"q\":\"" + "x".repeat(100_000) + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(huge.statusCode()).isEqualTo(400);
        // A JSON post with paging, as ckanapi sends it.
        HttpResponse<String> paged = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/open-data/api/3/action/package_search")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"rows\": 1, \"start\": 1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(paged.body()).get("result").get("results").get(0).get("name").asString()).isEqualTo("tonkla-child-protection");

        // package_search as ckanext-harvest's CKAN harvester calls it: everything modified since its last run, paged.
        var since = json.readTree(get("/open-data/api/3/action/package_search?fq="
                + java.net.URLEncoder.encode("metadata_modified:[2020-01-01T00:00:00Z TO *]", java.nio.charset.StandardCharsets.UTF_8)
                + "&rows=1&start=0")).get("result");
        assertThat(since.get("count").asInt()).isEqualTo(2);
        assertThat(since.get("results").size()).isEqualTo(1);
        assertThat(since.get("results").get(0).get("resources").size()).isEqualTo(3);
        var future = json.readTree(get("/open-data/api/3/action/package_search?fq="
                + java.net.URLEncoder.encode("metadata_modified:[2999-01-01T00:00:00Z TO *]", java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(future.get("result").get("count").asInt()).isZero();
        var words = json.readTree(get("/open-data/api/3/action/package_search?q=protection")).get("result");
        assertThat(words.get("results").valueStream().map(p -> p.get("name").asString()).toList()).containsExactly("tonkla-child-protection");
        assertThat(json.readTree(get("/open-data/api/3/action/package_search?fq=res_format:CSV+organization:tonkla"))
                .get("result").get("count").asInt()).isEqualTo(2);
        // What ckanext-harvest sends with an organization filter, include and exclude; a field no dataset has finds none.
        assertThat(searchCount("fq=" + enc("organization:tonkla OR organization:other metadata_modified:[2020-01-01T00:00:00Z TO *]"))).isEqualTo(2);
        assertThat(searchCount("fq=" + enc("-organization:other"))).isEqualTo(2);
        assertThat(searchCount("fq=" + enc("-organization:tonkla"))).isZero();
        assertThat(searchCount("fq=" + enc("nonsense:1"))).isZero();
        assertThat(searchCount("fq=" + enc("metadata_modified:[NOW-1DAY TO NOW+1DAY] dataset_type:dataset capacity:public"))).isEqualTo(2);
        assertThat(searchCount("q=" + enc("name:tonkla-child-indicators"))).isEqualTo(1);
        assertThat(searchCount("q=" + enc("DSPM OR protection"))).isEqualTo(2);
        // Solr's date math as harvesters write it, rounding first; quoted ends; empty paging is the default.
        assertThat(searchCount("fq=" + enc("metadata_modified:[NOW/DAY-7DAYS TO *]"))).isEqualTo(2);
        assertThat(searchCount("fq=" + enc("metadata_modified:[\"2020-01-01T00:00:00Z\" TO NOW/YEAR+1YEAR]"))).isEqualTo(2);
        assertThat(searchCount("fq=" + enc("metadata_modified:[2020-01-01T00:00:00Z-1DAY TO *]") + "&rows=&start=")).isEqualTo(2);
        // curl -d '{"q": …}' sends the JSON as a form's only key; CKAN reads it as the JSON it is.
        HttpResponse<String> jsonAsForm = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/open-data/api/3/action/package_search")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{\"q\":\"xyzzy\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(jsonAsForm.body()).get("result").get("count").asInt()).isZero();
        // A run of spaces inside a range, or a date beyond the calendar, is refused at once, as CKAN's search error.
        long spaces = System.nanoTime();
        HttpResponse<String> spaced = http.send(request("/open-data/api/3/action/package_search?fq="
                + enc("metadata_modified:[a" + " ".repeat(1975) + "b]")), HttpResponse.BodyHandlers.ofString());
        assertThat(spaced.statusCode()).isEqualTo(409);
        assertThat(json.readTree(spaced.body()).get("error").get("__type").asString()).isEqualTo("Search Error");
        assertThat(System.nanoTime() - spaces).isLessThan(2_000_000_000L);
        assertThat(searchCount("fq=" + enc("metadata_modified:[NOW" + "+999999YEARS".repeat(150) + " TO *]"))).isZero();
        // Typed as CKAN's documentation shows it, brackets unencoded.
        HttpResponse<String> typed = http.send(request("/open-data/api/3/action/package_search?fq=metadata_modified:[2020-01-01T00:00:00Z%20TO%20*]"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(typed.statusCode()).isEqualTo(200);
        for (String bad : List.of("fq=" + enc("metadata_modified:[2020 TO"), "q=" + enc("\"open"), "fq=" + enc("a".repeat(3000)), "rows=-1", "rows=x")) {
            HttpResponse<String> refused = http.send(request("/open-data/api/3/action/package_search?" + bad), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(bad).isEqualTo(409);
            assertThat(json.readTree(refused.body()).get("success").asBoolean()).isFalse();
        }
        // A start past the end is an empty page, however large (start + rows once overflowed into a 500).
        var far = json.readTree(get("/open-data/api/3/action/package_search?start=2147483647&rows=1000")).get("result");
        assertThat(far.get("count").asInt()).isEqualTo(2);
        assertThat(far.get("results").size()).isZero();
        // A long filter costs no more than its length: 60 KB of one letter once took 25 s of a core.
        long t0 = System.nanoTime();
        HttpResponse<String> longPost = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/open-data/api/3/action/package_search")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("fq=" + "a".repeat(60_000))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(longPost.statusCode()).isEqualTo(409);
        assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
        // ckanapi's RemoteCKAN calls the actions without the version in the path; timestamps in CKAN's own format.
        var viaCkanapi = json.readTree(get("/open-data/api/action/package_show?id=tonkla-child-indicators")).get("result");
        assertThat(viaCkanapi.get("metadata_modified").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}");
        assertThat(viaCkanapi.get("resources").get(0).get("last_modified").asString()).doesNotEndWith("Z");
        assertThat(json.readTree(get("/open-data/api/3/action/organization_list?all_fields=1")).get("result").get(0).get("name").asString())
                .isEqualTo("tonkla");
        // The organization that publishes both, and the datasets' coverage as GeoJSON (ckanext-spatial reads extras.spatial).
        assertThat(json.readTree(get("/open-data/api/3/action/organization_list")).get("result").get(0).asString()).isEqualTo("tonkla");
        assertThat(json.readTree(get("/open-data/api/3/action/organization_show?id=tonkla")).get("result").get("package_count").asInt())
                .isEqualTo(2);
        assertThat(http.send(request("/open-data/api/3/action/organization_show?id=other"), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);
        var shown = json.readTree(get("/open-data/api/3/action/package_show?id=tonkla-child-indicators")).get("result");
        assertThat(shown.get("organization").get("name").asString()).isEqualTo("tonkla");
        String spatial = shown.get("extras").valueStream().filter(e -> e.get("key").asString().equals("spatial")).findFirst()
                .orElseThrow().get("value").asString();
        var polygon = json.readTree(spatial);
        assertThat(polygon.get("type").asString()).isEqualTo("Polygon");
        // It holds every point of the shipped province boundaries.
        var ring = polygon.get("coordinates").get(0);
        double west = ring.valueStream().mapToDouble(p -> p.get(0).asDouble()).min().orElseThrow();
        double east = ring.valueStream().mapToDouble(p -> p.get(0).asDouble()).max().orElseThrow();
        double south = ring.valueStream().mapToDouble(p -> p.get(1).asDouble()).min().orElseThrow();
        double north = ring.valueStream().mapToDouble(p -> p.get(1).asDouble()).max().orElseThrow();
        List<double[]> points = new ArrayList<>();
        collect(json.readTree(get("/geo/provinces_simplified.geojson")), points);
        assertThat(points).isNotEmpty().allMatch(p -> p[0] >= west && p[0] <= east && p[1] >= south && p[1] <= north);
        // The JSON file names its rows' fields as its columns.
        var indicatorsJson = json.readTree(get("/open-data/tonkla-child-indicators.json"));
        var first = indicatorsJson.get("rows").get(0);
        for (var column : indicatorsJson.get("columns")) assertThat(first.has(column.asString())).as(column.asString()).isTrue();
        // DCAT: a catalogue of both datasets with licence, daily refresh and one distribution per format, downloadable.
        HttpResponse<String> dcat = http.send(request("/open-data/catalog.jsonld"), HttpResponse.BodyHandlers.ofString());
        assertThat(dcat.statusCode()).isEqualTo(200);
        assertThat(dcat.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
        var catalog = json.readTree(dcat.body());
        assertThat(catalog.get("@type").asString()).isEqualTo("dcat:Catalog");
        assertThat(catalog.get("@context").get("dcat").asString()).isEqualTo("http://www.w3.org/ns/dcat#");
        assertThat(catalog.get("dcat:dataset").size()).isEqualTo(2);
        for (var dataset : catalog.get("dcat:dataset")) {
            assertThat(dataset.get("@type").asString()).isEqualTo("dcat:Dataset");
            assertThat(dataset.get("dct:license").get("@id").asString()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
            assertThat(dataset.get("dct:accrualPeriodicity").get("@id").asString()).isEqualTo("http://purl.org/cld/freq/daily");
            assertThat(dataset.get("dcat:distribution").size()).isEqualTo(3);
            for (var distribution : dataset.get("dcat:distribution")) {
                String url = distribution.get("dcat:downloadURL").get("@id").asString();
                var file = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding());
                assertThat(file.statusCode()).as(url).isEqualTo(200);
                assertThat(distribution.get("dcat:mediaType").get("@id").asString())
                        .endsWith(file.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
            }
        }
        assertThat(get("/open-data")).contains("/open-data/catalog.jsonld");
        // Addresses come from Tonkla's configured public URL, not from the Host header a client sends.
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/open-data/catalog.jsonld")).header("X-Forwarded-Host", "evil.example").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.body()).doesNotContain("evil.example");
        // An unknown dataset: CKAN's JSON error, not a page.
        HttpResponse<String> none = http.send(request("/open-data/api/3/action/package_show?id=nope"), HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(json.readTree(none.body()).get("success").asBoolean()).isFalse();
        assertThat(json.readTree(none.body()).get("error").get("__type").asString()).isEqualTo("Not Found Error");
    }

    @Test
    void aNewReleaseHasItsFilesWrittenBeforeAnyoneAsks(@org.springframework.beans.factory.annotation.Value("${tonkla.data-dir}") String dataDir)
            throws Exception {
        OpenData.Release release = openData.rebuild();
        java.nio.file.Path dir = java.nio.file.Path.of(dataDir, "open-data", String.valueOf(release.builtAt().toEpochMilli()));
        List<String> expected = new ArrayList<>();
        for (String id : List.of("tonkla-child-indicators", "tonkla-child-protection")) {
            for (String format : List.of("csv", "json", "xlsx")) expected.add(id + "." + format);
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!expected.stream().allMatch(f -> java.nio.file.Files.exists(dir.resolve(f))) && System.nanoTime() < deadline) Thread.sleep(100);
        for (String f : expected) assertThat(dir.resolve(f)).as(f).isNotEmptyFile();
    }

    @Test
    void filesAreRevalidatedNotRefetchedAndMayBeFetchedGzippedAndFromAnyPage() throws Exception {
        HttpResponse<byte[]> first = http.send(request("/open-data/tonkla-child-indicators.csv"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String modified = first.headers().firstValue("Last-Modified").orElseThrow();
        // A harvester polling again gets 304 and no body, by either validator.
        // "*" matches any current file (RFC 9110 §13.1.2).
        for (String[] header : new String[][] {{"If-None-Match", etag}, {"If-Modified-Since", modified}, {"If-None-Match", "*"}}) {
            HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/open-data/tonkla-child-indicators.csv")).header(header[0], header[1]).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(again.statusCode()).as(header[0]).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
        // A download resumed (Range) gets its bytes only from the release it started on (If-Range, RFC 9110 §13.1.5): a
        // date of another release or an entity tag (ours are weak, If-Range compares strongly) gets the whole file.
        java.util.function.BiFunction<String, String, HttpResponse<byte[]>> ranged = (range, ifRange) -> {
            var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/open-data/tonkla-child-indicators.csv")).header("Range", range);
            if (ifRange != null) b.header("If-Range", ifRange);
            try {
                return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        for (String ifRange : new String[] {null, modified}) {
            HttpResponse<byte[]> part = ranged.apply("bytes=0-9", ifRange);
            assertThat(part.statusCode()).as(String.valueOf(ifRange)).isEqualTo(206);
            assertThat(part.body()).isEqualTo(java.util.Arrays.copyOf(first.body(), 10));
        }
        for (String ifRange : new String[] {"Sat, 01 Jan 2000 00:00:00 GMT", etag, "\"x\"", "not a date"}) {
            HttpResponse<byte[]> whole = ranged.apply("bytes=0-9", ifRange);
            assertThat(whole.statusCode()).as(ifRange).isEqualTo(200);
            assertThat(whole.body()).as(ifRange).isEqualTo(first.body());
        }
        // A client that accepts gzip gets the whole file gzipped, not a gzipped part with a Content-Range of plain bytes.
        HttpResponse<byte[]> gzipRange = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/open-data/tonkla-child-indicators.csv")).header("Range", "bytes=0-9").header("Accept-Encoding", "gzip")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipRange.statusCode()).isEqualTo(200);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipRange.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(first.body());
        }
        // A range that cannot be read is ignored (the whole file); one past the end is refused, with no body.
        assertThat(ranged.apply("bytes=abc", null).body()).isEqualTo(first.body());
        HttpResponse<byte[]> past = ranged.apply("bytes=999999999-", null);
        assertThat(past.statusCode()).isEqualTo(416);
        assertThat(past.body()).isEmpty();
        assertThat(past.headers().firstValue("Content-Range")).hasValue("bytes */" + first.body().length);
        // Two ranges, one of them past the end: not refused, the Range is ignored and the whole file sent.
        HttpResponse<byte[]> partly = ranged.apply("bytes=0-9,999999999-", null);
        assertThat(partly.statusCode()).isEqualTo(200);
        assertThat(partly.body()).isEqualTo(first.body());
        // Another format has another validator.
        HttpResponse<byte[]> json = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/open-data/tonkla-child-indicators.json")).header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(json.statusCode()).isEqualTo(200);
        // Gzipped to a client that asks, the same bytes once unzipped.
        HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/open-data/tonkla-child-indicators.csv")).header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.body().length).isLessThan(first.body().length / 3);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(first.body());
        }
        // A page elsewhere may read the files (CORS), and the page's address with a trailing slash leads to it.
        HttpResponse<Void> cors = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/open-data/tonkla-child-protection.json")).header("Origin", "https://example.org").GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(cors.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        HttpResponse<Void> slash = http.send(request("/open-data/"), HttpResponse.BodyHandlers.discarding());
        assertThat(slash.statusCode()).isEqualTo(302);
        assertThat(slash.headers().firstValue("Location").orElseThrow()).endsWith("/open-data");
    }

    private int searchCount(String query) throws Exception {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        return json.readTree(get("/open-data/api/3/action/package_search?" + query)).get("result").get("count").asInt();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Every [longitude, latitude] of a GeoJSON document. */
    private static void collect(tools.jackson.databind.JsonNode node, List<double[]> out) {
        if (node.isArray() && node.size() >= 2 && node.get(0).isNumber() && node.get(1).isNumber()) {
            out.add(new double[] {node.get(0).asDouble(), node.get(1).asDouble()});
            return;
        }
        if (node.isContainer()) for (var child : node) collect(child, out);
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(request(path), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    /** One CSV line: fields separated by commas, quoted fields may hold commas and doubled quotes. */
    private static String[] parse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') quoted = false;
                else f.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else f.append(c);
        }
        out.add(f.toString());
        return out.toArray(String[]::new);
    }
}
