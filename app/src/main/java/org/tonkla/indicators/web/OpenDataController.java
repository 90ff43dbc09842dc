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
    /** Where CKAN's answers point for help: the open-data page, which lists the files, licence and method. */
    static final String HELP = "/open-data";
    static final String LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";
    static final List<String> COLUMNS = List.of("year_be", "province_code", "province_name", "district_code", "district_name",
            "sex", "age_group", "fact", "count");
    private final OpenData openData;
    private final OpenDataFiles files;

    private final PublicAddress address;

    OpenDataController(OpenData openData, OpenDataFiles files, PublicAddress address) {
        this.address = address;
        this.openData = openData;
        this.files = files;
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
    ResponseEntity<org.springframework.core.io.Resource> csv(@org.springframework.web.bind.annotation.PathVariable String file) {
        return served(file, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping("/open-data/{file}.json")
    ResponseEntity<org.springframework.core.io.Resource> json(@org.springframework.web.bind.annotation.PathVariable String file) {
        return served(file, "json", MediaType.APPLICATION_JSON);
    }

    @GetMapping("/open-data/{file}.xlsx")
    ResponseEntity<org.springframework.core.io.Resource> xlsx(@org.springframework.web.bind.annotation.PathVariable String file) {
        return served(file, "xlsx", IndicatorPages.XLSX);
    }

    /** The release's file, written once (OpenDataFiles) and streamed from disk, as a download. */
    private ResponseEntity<org.springframework.core.io.Resource> served(String dataset, String format, MediaType type) {
        requireDataset(dataset);
        var path = files.file(dataset, format);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(dataset + "." + format).build().toString())
                .body(new org.springframework.core.io.FileSystemResource(path));
    }

    /** CKAN action API shape: {@code GET /api/3/action/package_show?id=...} on data.go.th. */
    @org.springframework.web.bind.annotation.RequestMapping(value = "/open-data/api/3/action/package_show",
            method = {org.springframework.web.bind.annotation.RequestMethod.GET, org.springframework.web.bind.annotation.RequestMethod.POST},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> packageShow(@RequestParam(required = false) String id,
            @RequestParam(name = "name_or_id", required = false) String nameOrId,
            @org.springframework.web.bind.annotation.RequestBody(required = false) Map<String, Object> body) {
        if (id == null) id = nameOrId;
        if (id == null && body != null && body.get("id") != null) id = String.valueOf(body.get("id"));
        if (id == null || id.isBlank()) {
            // CKAN's answer to a call without the dataset's id.
            return ResponseEntity.status(409).body(Map.of("help", HELP, "success", false,
                    "error", Map.of("__type", "Validation Error", "id", List.of("Missing value"))));
        }
        if (!DATASET.equals(id) && !PROTECTION.equals(id)) {
            // CKAN's own answer for an unknown dataset, so a harvester reads it as one.
            return ResponseEntity.status(404).body(Map.of("help", HELP, "success", false,
                    "error", Map.of("__type", "Not Found Error", "message", "Not found")));
        }
        OpenData.Release release = openData.release();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", id);
        result.put("name", id);
        result.put("type", "dataset");
        result.put("state", "active");
        result.put("metadata_created", release.builtAt().toString());
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
            resources.add(Map.of("id", file, "name", file, "format", format.get(0), "mimetype", format.get(1),
                    "url", address.base() + "/open-data/" + file, "last_modified", release.builtAt().toString()));
        }
        result.put("resources", resources);
        result.put("num_resources", resources.size());
        return ResponseEntity.ok(Map.of("help", HELP, "success", true, "result", result));
    }

    /** CKAN action API: the names of the datasets, as a harvester lists them before package_show. */
    @org.springframework.web.bind.annotation.RequestMapping(value = "/open-data/api/3/action/package_list",
            method = {org.springframework.web.bind.annotation.RequestMethod.GET, org.springframework.web.bind.annotation.RequestMethod.POST},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> packageList() {
        return Map.of("help", HELP, "success", true,
                "result", OpenDataSets.ALL.stream().map(OpenDataSets::id).toList());
    }

    /** Any other CKAN action: CKAN's own JSON answer, so a harvester reads it as "not offered" rather than a broken page. */
    @org.springframework.web.bind.annotation.RequestMapping(value = "/open-data/api/3/action/{action}",
            method = {org.springframework.web.bind.annotation.RequestMethod.GET, org.springframework.web.bind.annotation.RequestMethod.POST},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> otherAction(@org.springframework.web.bind.annotation.PathVariable String action) {
        return ResponseEntity.status(400).body(Map.of("help", HELP, "success", false,
                "error", Map.of("__type", "Bad request - Action name not known", "message", "Action name not known")));
    }

    /** This server's address as the request reached it: CKAN resources and DCAT distributions carry absolute URLs. */
    static void requireDataset(String id) {
        if (!DATASET.equals(id) && !PROTECTION.equals(id)) throw new NotFound("no dataset " + id);
    }

    /** The release's rows of a dataset: the protection facts in their own, everything else in the indicators'. */
    static List<OpenData.Row> rows(String dataset, OpenData.Release release) {
        boolean protection = PROTECTION.equals(dataset);
        return release.rows().stream().filter(r -> r.fact().startsWith(PROTECTION_FACTS) == protection).toList();
    }
}
