package org.tonkla.indicators.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Also under {@code /open-data/api/action/}, the unversioned path ckanapi's RemoteCKAN builds.
 */
@RestController
@CrossOrigin(origins = "*", methods = {RequestMethod.GET, RequestMethod.POST})
@RequestMapping(value = {"/open-data/api/3/action", "/open-data/api/action"}, method = {RequestMethod.GET, RequestMethod.POST},
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
        Map<String, String> params = CkanRequest.params(query, request);
        String id = params.get("id");
        if (id == null) id = params.get("name_or_id");
        if (id == null || id.isBlank()) return validation("id", "Missing value");
        if (!OpenDataController.isDataset(id)) return notFound();
        return ResponseEntity.ok(success(pack(OpenDataSets.of(id), openData.release())));
    }

    /**
     * CKAN's search over the two datasets: {@code q} matches words of the name, title, description and keywords;
     * {@code fq} filters on name, id, organization, owner_org, license_id, res_format, tags and a metadata_modified range
     * (what ckanext-harvest's CKAN harvester sends); {@code rows} and {@code start} page.
     */
    @RequestMapping("/package_search")
    ResponseEntity<Map<String, Object>> packageSearch(@RequestParam Map<String, String> query, jakarta.servlet.http.HttpServletRequest request) {
        Map<String, String> params = CkanRequest.params(query, request);
        Long rows = natural(params.get("rows"), 10);
        if (rows == null) return validation("rows", "Invalid integer");
        Long start = natural(params.get("start"), 0);
        if (start == null) return validation("start", "Invalid integer");
        if (rows < 0 || start < 0) return validation(rows < 0 ? "rows" : "start", "Must be a natural number");
        OpenData.Release release = openData.release();
        CkanQuery q;
        CkanQuery fq;
        try {
            q = CkanQuery.parse(params.getOrDefault("q", "").trim(), clock.instant());
            fq = CkanQuery.parse(params.getOrDefault("fq", "").trim(), clock.instant());
        } catch (CkanQuery.Invalid e) {
            return searchError(e.getMessage());
        }
        List<Map<String, Object>> found = new ArrayList<>();
        for (OpenDataSets set : OpenDataSets.ALL) {
            CkanQuery.Dataset d = searchable(set, release);
            if (q.matches(d) && fq.matches(d)) found.add(pack(set, release));
        }
        int from = (int) Math.min(start, found.size());
        int to = (int) Math.min(found.size(), from + Math.min(rows, MAX_ROWS));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", found.size());
        result.put("sort", "score desc, metadata_modified desc");
        result.put("facets", Map.of());
        result.put("search_facets", Map.of());
        result.put("results", found.subList(from, to));
        return ResponseEntity.ok(success(result));
    }

    @RequestMapping("/organization_list")
    Map<String, Object> organizationList(@RequestParam Map<String, String> query, jakarta.servlet.http.HttpServletRequest request) {
        String flag = CkanRequest.params(query, request).getOrDefault("all_fields", "").trim().toLowerCase(Locale.ROOT);
        boolean all = List.of("true", "yes", "on", "y", "t", "1").contains(flag); // CKAN's asbool
        return success(List.of(all ? organization() : ORGANIZATION));
    }

    @RequestMapping("/organization_show")
    ResponseEntity<Map<String, Object>> organizationShow(@RequestParam Map<String, String> query, jakarta.servlet.http.HttpServletRequest request) {
        String id = CkanRequest.params(query, request).get("id");
        if (id == null || id.isBlank()) return validation("id", "Missing value");
        if (!ORGANIZATION.equals(id)) return notFound();
        return ResponseEntity.ok(success(organization()));
    }

    /** Any other CKAN action: CKAN's own JSON answer, so a harvester reads it as "not offered" rather than a broken page. */
    @RequestMapping("/{action}")
    ResponseEntity<Map<String, Object>> otherAction(@PathVariable String action) {
        // The site's description, which harvesters ask for first (ckanapi's and data.go.th's); ckan_version is the
        // CKAN release whose action API this one follows, not software Tonkla runs.
        if (action.equals("status_show")) {
            return ResponseEntity.ok(success(Map.of("site_title", publisher, "site_url", address.base() + OpenDataController.HELP,
                    "site_description", OpenDataSets.INDICATORS.title(), "ckan_version", "2.10", "locale_default", "th",
                    "extensions", List.of())));
        }
        return failure(400, Map.of("__type", "Bad request - Action name not known", "message", "Action name not known"));
    }

    /** A dataset as package_show gives it. */
    private Map<String, Object> pack(OpenDataSets set, OpenData.Release release) {
        String built = ckanTime(release.builtAt());
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
        result.put("isopen", true); // CC BY 4.0 is an open licence (opendefinition.org), as CKAN's licence list marks it
        // CKAN's other core fields, so a client that reads them finds them: the publisher as author and maintainer
        // (no personal address is published), the open-data page as the source, the release's day in Thailand as the version.
        result.put("author", publisher);
        result.put("author_email", null);
        result.put("maintainer", publisher);
        result.put("maintainer_email", null);
        result.put("url", address.base() + OpenDataController.HELP);
        result.put("version", release.builtAt().atZone(java.time.ZoneId.of("Asia/Bangkok")).toLocalDate().toString());
        result.put("groups", List.of());
        result.put("relationships_as_object", List.of());
        result.put("relationships_as_subject", List.of());
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

    /**
     * A paging number as CKAN's int_validator reads it: empty is the default, a whole number given as 10.0 is 10, and one
     * too large for a long is capped (rows are capped at 1,000 anyway); null when it is not a number.
     */
    private static Long natural(String value, long otherwise) {
        if (value == null || value.isBlank()) return otherwise;
        try {
            java.math.BigDecimal n = new java.math.BigDecimal(value.trim());
            if (n.stripTrailingZeros().scale() > 0) return null;
            return n.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : n.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** What package_search can ask of a dataset, as CKAN indexes it. */
    private static CkanQuery.Dataset searchable(OpenDataSets set, OpenData.Release release) {
        String text = (set.id() + " " + set.title() + " " + set.notes() + " " + String.join(" ", set.keywords())).toLowerCase(Locale.ROOT);
        return new CkanQuery.Dataset() {
            @Override
            public List<String> values(String field) {
                return switch (field) {
                    case "name", "id" -> List.of(set.id());
                    case "title" -> List.of(set.title());
                    case "organization", "owner_org" -> List.of(ORGANIZATION);
                    case "license_id" -> List.of(OpenDataController.LICENCE_ID);
                    case "res_format" -> OpenDataSets.FORMATS.stream().map(f -> f.get(0)).toList();
                    case "tags" -> set.keywords();
                    case "dataset_type", "type" -> List.of("dataset");
                    case "capacity" -> List.of("public");
                    case "state" -> List.of("active");
                    default -> null;
                };
            }

            @Override
            public String text() {
                return text;
            }

            @Override
            public java.time.Instant modified() {
                return release.builtAt();
            }
        };
    }

    /** CKAN's timestamps: UTC, microseconds, no zone suffix (its date validators refuse one). */
    static String ckanTime(java.time.Instant at) {
        return java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS"));
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(CkanRequest.BadJson.class)
    ResponseEntity<Map<String, Object>> badJson() {
        return failure(400, Map.of("__type", "Bad request - JSON Error", "message", "Bad request - JSON Error: the body is not a JSON object of at most 64 KB"));
    }

    /** CKAN's envelope of a failed call. */
    // "help" is a full address, as CKAN gives it: a client resolves it without knowing where the API was called.
    private ResponseEntity<Map<String, Object>> failure(int status, Map<String, Object> error) {
        return ResponseEntity.status(status).body(Map.of("help", address.base() + OpenDataController.HELP, "success", false, "error", error));
    }

    private Map<String, Object> success(Object result) {
        return Map.of("help", address.base() + OpenDataController.HELP, "success", true, "result", result);
    }

    private ResponseEntity<Map<String, Object>> validation(String field, String message) {
        return failure(409, Map.of("__type", "Validation Error", field, List.of(message)));
    }

    /** CKAN's own answer for an unknown dataset or organization, so a harvester reads it as one. */
    private ResponseEntity<Map<String, Object>> notFound() {
        return failure(404, Map.of("__type", "Not Found Error", "message", "Not found"));
    }

    private ResponseEntity<Map<String, Object>> searchError(String why) {
        return failure(409, Map.of("__type", "Search Error", "message", "Search error: " + why));
    }
}
