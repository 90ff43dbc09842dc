package org.tonkla.indicators.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tonkla.indicators.OpenData;

/**
 * The read-only part of CKAN's action API (data.go.th runs CKAN) over the open datasets, so that a CKAN harvester or
 * ckanapi reads Tonkla as it reads another CKAN: package_list, package_show, package_search, organization_list and
 * organization_show, by GET or POST (ckanapi's default), answered in CKAN's envelope and with CKAN's error types.
 */
@RestController
@CrossOrigin(origins = "*", methods = {RequestMethod.GET, RequestMethod.POST})
@RequestMapping(value = "/open-data/api/3/action", method = {RequestMethod.GET, RequestMethod.POST},
        produces = MediaType.APPLICATION_JSON_VALUE)
class OpenDataCkan {

    /** The one organization that publishes the datasets. */
    static final String ORGANIZATION = "tonkla";
    /**
     * Thailand's extent as GeoJSON, which ckanext-spatial reads from {@code extras.spatial}: the bounding box of the shipped
     * province boundaries (static/geo/provinces_simplified.geojson: 97.36–105.63 E, 5.61–20.45 N), rounded outwards.
     */
    static final String SPATIAL = "{\"type\":\"Polygon\",\"coordinates\":[[[97.3,5.6],[105.7,5.6],[105.7,20.5],[97.3,20.5],[97.3,5.6]]]}";
    private static final int MAX_ROWS = 1000;
    /** A CKAN call's JSON body is a few parameters; anything larger is refused unread. */
    private static final int MAX_BODY = 64 * 1024;
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    /** A filter query term: {@code field:value}, {@code field:"value"} or {@code field:[from TO to]}, optionally with +. */
    private static final Pattern TERM = Pattern.compile("\\+?(\\w+):(\\[[^\\]]*\\]|\"[^\"]*\"|\\S+)");

    private final OpenData openData;
    private final PublicAddress address;
    private final String publisher;
    private final java.time.Clock clock;

    OpenDataCkan(OpenData openData, PublicAddress address, @Value("${tonkla.open-data.publisher:Tonkla (ต้นกล้า)}") String publisher,
            java.time.Clock clock) {
        this.clock = clock;
        this.openData = openData;
        this.address = address;
        this.publisher = publisher;
    }

    @RequestMapping("/package_list")
    Map<String, Object> packageList() {
        return success(OpenDataSets.ALL.stream().map(OpenDataSets::id).toList());
    }

    @RequestMapping("/package_show")
    ResponseEntity<Map<String, Object>> packageShow(@RequestParam Map<String, String> query, jakarta.servlet.http.HttpServletRequest request) {
        Map<String, String> params = params(query, request);
        String id = params.get("id");
        if (id == null) id = params.get("name_or_id");
        if (id == null || id.isBlank()) return validation("id", "Missing value");
        if (!OpenDataController.DATASET.equals(id) && !OpenDataController.PROTECTION.equals(id)) return notFound();
        return ResponseEntity.ok(success(pack(OpenDataSets.of(id), openData.release())));
    }

    /**
     * CKAN's search over the two datasets: {@code q} matches words of the name, title, description and keywords;
     * {@code fq} filters on name, id, organization, owner_org, license_id, res_format, tags and a metadata_modified range
     * (what ckanext-harvest's CKAN harvester sends); {@code rows} and {@code start} page.
     */
    @RequestMapping("/package_search")
    ResponseEntity<Map<String, Object>> packageSearch(@RequestParam Map<String, String> query, jakarta.servlet.http.HttpServletRequest request) {
        Map<String, String> params = params(query, request);
        int rows;
        int start;
        try {
            rows = Integer.parseInt(orDefault(params.get("rows"), "10").trim());
            start = Integer.parseInt(orDefault(params.get("start"), "0").trim());
        } catch (NumberFormatException e) {
            return validation("rows", "Invalid integer");
        }
        if (rows < 0 || start < 0) return validation(rows < 0 ? "rows" : "start", "Must be a natural number");
        OpenData.Release release = openData.release();
        List<Map<String, Object>> found = new ArrayList<>();
        String q = orDefault(params.get("q"), "").trim().toLowerCase(Locale.ROOT);
        String fq = orDefault(params.get("fq"), "").trim();
        for (OpenDataSets set : OpenDataSets.ALL) {
            Boolean kept = filtered(fq, set, release, clock.instant());
            if (kept == null) return searchError(fq);
            if (kept && matches(q, set)) found.add(pack(set, release));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", found.size());
        result.put("sort", "score desc, metadata_modified desc");
        result.put("facets", Map.of());
        result.put("search_facets", Map.of());
        result.put("results", found.subList(Math.min(start, found.size()), Math.min(found.size(), start + Math.min(rows, MAX_ROWS))));
        return ResponseEntity.ok(success(result));
    }

    @RequestMapping("/organization_list")
    Map<String, Object> organizationList(@RequestParam Map<String, String> query, jakarta.servlet.http.HttpServletRequest request) {
        boolean all = "true".equalsIgnoreCase(params(query, request).get("all_fields"));
        return success(List.of(all ? organization() : ORGANIZATION));
    }

    @RequestMapping("/organization_show")
    ResponseEntity<Map<String, Object>> organizationShow(@RequestParam Map<String, String> query, jakarta.servlet.http.HttpServletRequest request) {
        String id = params(query, request).get("id");
        if (id == null || id.isBlank()) return validation("id", "Missing value");
        if (!ORGANIZATION.equals(id)) return notFound();
        return ResponseEntity.ok(success(organization()));
    }

    /** Any other CKAN action: CKAN's own JSON answer, so a harvester reads it as "not offered" rather than a broken page. */
    @RequestMapping("/{action}")
    ResponseEntity<Map<String, Object>> otherAction(@PathVariable String action) {
        return ResponseEntity.status(400).body(Map.of("help", OpenDataController.HELP, "success", false,
                "error", Map.of("__type", "Bad request - Action name not known", "message", "Action name not known")));
    }

    /** A dataset as package_show gives it. */
    private Map<String, Object> pack(OpenDataSets set, OpenData.Release release) {
        String built = release.builtAt().toString();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", set.id());
        result.put("name", set.id());
        result.put("type", "dataset");
        result.put("state", "active");
        result.put("metadata_created", built);
        result.put("metadata_modified", built);
        result.put("title", set.title());
        result.put("notes", set.notes());
        result.put("license_id", OpenDataController.LICENCE_ID);
        result.put("license_title", "Creative Commons Attribution 4.0");
        result.put("license_url", OpenDataController.LICENCE_URL);
        result.put("frequency", "daily");
        result.put("private", false);
        result.put("owner_org", ORGANIZATION);
        result.put("organization", organization());
        result.put("tags", set.keywords().stream().map(k -> Map.of("name", k)).toList());
        result.put("extras", List.of(Map.of("key", "dcat_type", "value", "http://purl.org/dc/dcmitype/Dataset"),
                Map.of("key", "spatial", "value", SPATIAL), Map.of("key", "spatial_text", "value", "ประเทศไทย (Thailand)"),
                Map.of("key", "temporal_resolution", "value", "P1Y")));
        List<Map<String, Object>> resources = new ArrayList<>();
        for (List<String> format : OpenDataSets.FORMATS) {
            String file = set.id() + "." + format.get(0).toLowerCase(Locale.ROOT);
            resources.add(Map.of("id", file, "name", file, "format", format.get(0), "mimetype", format.get(1),
                    "url", address.base() + "/open-data/" + file, "last_modified", built));
        }
        result.put("resources", resources);
        result.put("num_resources", resources.size());
        result.put("num_tags", set.keywords().size());
        return result;
    }

    private Map<String, Object> organization() {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("id", ORGANIZATION);
        org.put("name", ORGANIZATION);
        org.put("title", publisher);
        org.put("type", "organization");
        org.put("is_organization", true);
        org.put("state", "active");
        org.put("description", "ข้อมูลเปิดเด็กปฐมวัย / early-childhood open data");
        org.put("package_count", OpenDataSets.ALL.size());
        return org;
    }

    /** Every word of {@code q} in the dataset's text; an empty q or Solr's match-all finds everything. */
    private static boolean matches(String q, OpenDataSets set) {
        if (q.isEmpty() || q.equals("*:*")) return true;
        String text = (set.id() + " " + set.title() + " " + set.notes() + " " + String.join(" ", set.keywords())).toLowerCase(Locale.ROOT);
        for (String word : q.split("\\s+")) if (!text.contains(word)) return false;
        return true;
    }

    /** Whether the dataset passes every term of {@code fq}; null when a term is not understood (CKAN's 409). */
    private static Boolean filtered(String fq, OpenDataSets set, OpenData.Release release, java.time.Instant now) {
        if (fq.isEmpty()) return true;
        Matcher m = TERM.matcher(fq);
        int end = 0;
        boolean kept = true;
        while (m.find()) {
            if (!fq.substring(end, m.start()).isBlank()) return null;
            end = m.end();
            String field = m.group(1);
            String value = m.group(2).replaceAll("^\"|\"$", "");
            switch (field) {
                case "name", "id" -> kept &= value.equals(set.id());
                case "organization", "owner_org" -> kept &= value.equals(ORGANIZATION);
                case "license_id" -> kept &= value.equals(OpenDataController.LICENCE_ID);
                case "res_format" -> kept &= OpenDataSets.FORMATS.stream().anyMatch(f -> f.get(0).equalsIgnoreCase(value));
                case "tags" -> kept &= set.keywords().contains(value);
                case "metadata_modified" -> {
                    Boolean in = within(value, release.builtAt(), now);
                    if (in == null) return null;
                    kept &= in;
                }
                default -> {
                    return null;
                }
            }
        }
        return fq.substring(end).isBlank() ? kept : null;
    }

    /** {@code [from TO to]} with ISO instants or *, as Solr writes a range; null when it is not one. */
    private static Boolean within(String range, java.time.Instant at, java.time.Instant now) {
        Matcher r = Pattern.compile("\\[(\\S+) TO (\\S+)\\]").matcher(range);
        if (!r.matches()) return null;
        try {
            boolean after = r.group(1).equals("*") || !at.isBefore(instant(r.group(1), now));
            boolean before = r.group(2).equals("*") || !at.isAfter(instant(r.group(2), now));
            return after && before;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Solr's instant, or CKAN's without a zone (UTC), or NOW. */
    private static java.time.Instant instant(String s, java.time.Instant now) {
        if (s.equals("NOW")) return now;
        return s.endsWith("Z") ? java.time.Instant.parse(s) : java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
    }

    /**
     * The call's parameters: the query string's or a form's, else a JSON body's (ckanapi posts JSON). The body is read
     * here, up to {@link #MAX_BODY}, because this is an anonymous address: a body of any size would be held in memory.
     */
    private static Map<String, String> params(Map<String, String> query, jakarta.servlet.http.HttpServletRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).contains("json")) {
            byte[] bytes;
            try {
                bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
            } catch (java.io.IOException e) {
                throw new BadJson();
            }
            if (bytes.length > MAX_BODY) throw new BadJson();
            String body = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            if (!body.isBlank()) {
                json(body).properties().forEach(e -> {
                    tools.jackson.databind.JsonNode v = e.getValue();
                    if (!v.isNull()) out.put(e.getKey(), v.isString() ? v.asString() : v.toString());
                });
            }
        }
        query.forEach((k, v) -> {
            if (v != null) out.put(k, v);
        });
        return out;
    }

    private static tools.jackson.databind.JsonNode json(String body) {
        try {
            tools.jackson.databind.JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) throw new BadJson();
            return node;
        } catch (tools.jackson.core.JacksonException e) {
            throw new BadJson();
        }
    }

    /** A body that is not a JSON object: CKAN's "JSON Error". */
    static final class BadJson extends RuntimeException {
        BadJson() {
            super("the request body is not a JSON object", null, false, false);
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(BadJson.class)
    ResponseEntity<Map<String, Object>> badJson() {
        return ResponseEntity.status(400).body(Map.of("help", OpenDataController.HELP, "success", false,
                "error", Map.of("__type", "Bad request - JSON Error", "message", "Bad request - JSON Error: the body is not a JSON object of at most 64 KB")));
    }

    private static String orDefault(String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    private static Map<String, Object> success(Object result) {
        return Map.of("help", OpenDataController.HELP, "success", true, "result", result);
    }

    private static ResponseEntity<Map<String, Object>> validation(String field, String message) {
        return ResponseEntity.status(409).body(Map.of("help", OpenDataController.HELP, "success", false,
                "error", Map.of("__type", "Validation Error", field, List.of(message))));
    }

    /** CKAN's own answer for an unknown dataset or organization, so a harvester reads it as one. */
    private static ResponseEntity<Map<String, Object>> notFound() {
        return ResponseEntity.status(404).body(Map.of("help", OpenDataController.HELP, "success", false,
                "error", Map.of("__type", "Not Found Error", "message", "Not found")));
    }

    private static ResponseEntity<Map<String, Object>> searchError(String fq) {
        return ResponseEntity.status(409).body(Map.of("help", OpenDataController.HELP, "success", false,
                "error", Map.of("__type", "Search Query Error", "message", "Search Query is invalid: fq " + fq)));
    }
}
