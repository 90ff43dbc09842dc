package org.tonkla.indicators.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tonkla.indicators.OpenData;
import org.tonkla.indicators.internal.Sheets;
import org.tonkla.platform.NotFound;

/**
 * Open data without login: the protected aggregate table as CSV, JSON and XLSX, and its metadata in the shape of
 * CKAN's package_show (data.go.th runs CKAN) with DCAT terms. Counts by area, year, sex and age group only.
 */
@Controller
class OpenDataController {

    static final String DATASET = "tonkla-child-indicators";
    /** Issue 17: the protection facts as a dataset of their own (same release, same small-cell protection). */
    static final String PROTECTION = "tonkla-child-protection";
    static final String PROTECTION_FACTS = "protection_";
    static final String LICENCE_ID = "cc-by-4.0";
    static final String LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";
    static final List<String> COLUMNS = List.of("year_be", "province_code", "province_name", "district_code", "district_name",
            "sex", "age_group", "fact", "count");
    private final OpenData openData;

    OpenDataController(OpenData openData) {
        this.openData = openData;
    }

    @GetMapping("/open-data")
    String index(Model model) {
        var at = openData.release().builtAt().atZone(java.time.ZoneId.of("Asia/Bangkok"));
        // Buddhist-era date on screen (STYLE): day/month/year+543 and the time in Thailand.
        model.addAttribute("released", String.format("%d/%d/%d %02d:%02d", at.getDayOfMonth(), at.getMonthValue(),
                at.getYear() + 543, at.getHour(), at.getMinute()));
        model.addAttribute("licenceUrl", LICENCE_URL);
        return "indicators/open-data";
    }

    @GetMapping("/open-data/{file}.csv")
    ResponseEntity<byte[]> csv(@org.springframework.web.bind.annotation.PathVariable String file) {
        requireDataset(file);
        StringBuilder out = new StringBuilder("\uFEFF").append(String.join(",", COLUMNS)).append("\r\n");
        for (OpenData.Row r : rows(file, openData.release())) {
            out.append(r.yearBe()).append(',').append(r.provinceCode()).append(',').append(text(r.provinceName())).append(',')
                    .append(r.districtCode()).append(',').append(text(r.districtName())).append(',').append(r.sex()).append(',')
                    .append(r.ageGroup()).append(',').append(r.fact()).append(',')
                    .append(r.count() == null ? "" : r.count()).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file + ".csv").build().toString())
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/open-data/{file}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> json(@org.springframework.web.bind.annotation.PathVariable String file) {
        requireDataset(file);
        OpenData.Release release = openData.release();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dataset", file);
        body.put("license", LICENCE_URL);
        body.put("released", release.builtAt().toString());
        body.put("withheld", "null count: withheld (small-cell protection, docs/open-data-suppression.md)");
        body.put("columns", COLUMNS);
        body.put("rows", rows(file, release));
        return body;
    }

    @GetMapping("/open-data/{file}.xlsx")
    ResponseEntity<byte[]> xlsx(@org.springframework.web.bind.annotation.PathVariable String file) {
        requireDataset(file);
        List<List<Object>> rows = new ArrayList<>();
        for (OpenData.Row r : rows(file, openData.release())) {
            List<Object> row = new ArrayList<>();
            row.add(r.yearBe());
            row.add(r.provinceCode());
            row.add(r.provinceName());
            row.add(r.districtCode());
            row.add(r.districtName());
            row.add(r.sex());
            row.add(r.ageGroup());
            row.add(r.fact());
            row.add(r.count() == null ? "" : r.count());
            rows.add(row);
        }
        return IndicatorPages.download(Sheets.write("data", COLUMNS, rows), file + ".xlsx");
    }

    /** CKAN action API shape: {@code GET /api/3/action/package_show?id=...} on data.go.th. */
    @GetMapping(value = "/open-data/api/3/action/package_show", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> packageShow(@RequestParam(defaultValue = DATASET) String id) {
        requireDataset(id);
        OpenData.Release release = openData.release();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", id);
        OpenDataSets set = OpenDataSets.of(id);
        result.put("title", set.title());
        result.put("notes", set.notes());
        result.put("license_id", LICENCE_ID);
        result.put("license_title", "Creative Commons Attribution 4.0");
        result.put("license_url", LICENCE_URL);
        result.put("metadata_modified", release.builtAt().toString());
        result.put("frequency", "daily");
        result.put("private", false);
        result.put("tags", set.keywords().stream().map(k -> Map.of("name", k)).toList());
        result.put("extras", List.of(Map.of("key", "dcat_type", "value", "http://purl.org/dc/dcmitype/Dataset"),
                Map.of("key", "spatial", "value", "TH"), Map.of("key", "temporal_resolution", "value", "P1Y")));
        List<Map<String, Object>> resources = new ArrayList<>();
        for (List<String> format : OpenDataSets.FORMATS) {
            String file = id + "." + format.get(0).toLowerCase(java.util.Locale.ROOT);
            resources.add(Map.of("name", file, "format", format.get(0), "mimetype", format.get(1),
                    "url", base() + "/open-data/" + file, "last_modified", release.builtAt().toString()));
        }
        result.put("resources", resources);
        result.put("num_resources", resources.size());
        return Map.of("help", "/open-data/api/3/action/help_show?name=package_show", "success", true, "result", result);
    }

    /** CKAN action API: the names of the datasets, as a harvester lists them before package_show. */
    @GetMapping(value = "/open-data/api/3/action/package_list", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> packageList() {
        return Map.of("help", "/open-data/api/3/action/help_show?name=package_list", "success", true,
                "result", OpenDataSets.ALL.stream().map(OpenDataSets::id).toList());
    }

    /** This server's address as the request reached it: CKAN resources and DCAT distributions carry absolute URLs. */
    static String base() {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    static void requireDataset(String id) {
        if (!DATASET.equals(id) && !PROTECTION.equals(id)) throw new NotFound("no dataset " + id);
    }

    /** The release's rows of a dataset: the protection facts in their own, everything else in the indicators'. */
    private static List<OpenData.Row> rows(String dataset, OpenData.Release release) {
        boolean protection = PROTECTION.equals(dataset);
        return release.rows().stream().filter(r -> r.fact().startsWith(PROTECTION_FACTS) == protection).toList();
    }

    private static String text(String s) {
        return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
