package org.tonkla.indicators.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tonkla.indicators.OpenData;
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
    static final String LICENCE_ID = "cc-by-4.0";
    /** Where CKAN's answers point for help: the open-data page, which lists the files, licence and method. */
    static final String HELP = "/open-data";
    static final String LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";
    static final List<String> COLUMNS = List.of("year_be", "province_code", "province_name", "district_code", "district_name",
            "sex", "age_group", "fact", "count");
    private final OpenData openData;
    private final OpenDataFiles files;
    private final org.tonkla.indicators.Indicators indicators;

    OpenDataController(OpenData openData, OpenDataFiles files, org.tonkla.indicators.Indicators indicators) {
        this.openData = openData;
        this.files = files;
        this.indicators = indicators;
    }

    @GetMapping("/open-data")
    String index(Model model) {
        var at = openData.release().builtAt().atZone(java.time.ZoneId.of("Asia/Bangkok"));
        // Buddhist-era date on screen (STYLE): day/month/year+543 and the time in Thailand.
        model.addAttribute("released", String.format("%d/%d/%d %02d:%02d", at.getDayOfMonth(), at.getMonthValue(),
                at.getYear() + 543, at.getHour(), at.getMinute()));
        model.addAttribute("licenceUrl", LICENCE_URL);
        // The codebook: the files name facts by code; each indicator in Thai with the two facts it divides.
        model.addAttribute("codebook", indicators.definitions().indicators().stream()
                .filter(i -> OpenData.published(i.numerator()) && OpenData.published(i.denominator())).toList());
        return "indicators/open-data";
    }

    /** The address written with a trailing slash, as people and link checkers do, leads to the page. */
    @GetMapping("/open-data/")
    String slash() {
        return "redirect:/open-data";
    }

    @org.springframework.web.bind.annotation.CrossOrigin(origins = "*", exposedHeaders = {"ETag", "Last-Modified"})
    @GetMapping("/open-data/{file}.csv")
    ResponseEntity<org.springframework.core.io.Resource> csv(@org.springframework.web.bind.annotation.PathVariable String file,
            org.springframework.web.context.request.WebRequest request) {
        return served(file, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8), request);
    }

    @org.springframework.web.bind.annotation.CrossOrigin(origins = "*", exposedHeaders = {"ETag", "Last-Modified"})
    @GetMapping("/open-data/{file}.json")
    ResponseEntity<org.springframework.core.io.Resource> json(@org.springframework.web.bind.annotation.PathVariable String file,
            org.springframework.web.context.request.WebRequest request) {
        return served(file, "json", MediaType.APPLICATION_JSON, request);
    }

    @org.springframework.web.bind.annotation.CrossOrigin(origins = "*", exposedHeaders = {"ETag", "Last-Modified"})
    @GetMapping("/open-data/{file}.xlsx")
    ResponseEntity<org.springframework.core.io.Resource> xlsx(@org.springframework.web.bind.annotation.PathVariable String file,
            org.springframework.web.context.request.WebRequest request) {
        return served(file, "xlsx", IndicatorPages.XLSX, request);
    }

    /**
     * The release's file, written once (OpenDataFiles) and streamed from disk, as a download. It changes only with the
     * release, so its build time is its validator: a harvester polling with If-None-Match or If-Modified-Since gets 304
     * instead of the whole file, and any page may fetch it (CORS), as open data should allow.
     */
    private ResponseEntity<org.springframework.core.io.Resource> served(String dataset, String format, MediaType type,
            org.springframework.web.context.request.WebRequest request) {
        requireDataset(dataset);
        OpenData.Release release = openData.release();
        java.time.Instant built = release.builtAt();
        // Weak: the gzipped and plain bytes differ, and Tomcat does not compress a response with a strong ETag.
        String etag = "W/\"" + dataset + "-" + format + "-" + built.toEpochMilli() + "\"";
        // HTTP dates have whole seconds: compare at that precision, or If-Modified-Since would never match.
        long lastModified = built.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toEpochMilli();
        if (request.checkNotModified(etag, lastModified)) return null;
        // "*" matches any current representation (RFC 9110 §13.1.2), so the file is not sent; Spring sends it.
        if ("*".equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
            return ResponseEntity.status(org.springframework.http.HttpStatus.NOT_MODIFIED).eTag(etag).lastModified(lastModified)
                    .cacheControl(org.springframework.http.CacheControl.noCache().cachePublic()).build();
        }
        var path = files.file(release, dataset, format); // the file of the release the validators name
        var file = new org.springframework.core.io.FileSystemResource(path);
        java.util.function.Supplier<ResponseEntity.BodyBuilder> ok = () -> ResponseEntity.ok().contentType(type).eTag(etag)
                .lastModified(lastModified).cacheControl(org.springframework.http.CacheControl.noCache().cachePublic())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(dataset + "." + format).build().toString());
        String range = request.getHeader(HttpHeaders.RANGE);
        if (range == null) return ok.get().body(file);
        // Spring serves the ranges of a file resource; what it does not do is decided here (RFC 9110 §14.2, §13.1.5).
        // The whole file, as a stream Spring does not cut, when the range is unreadable or If-Range names another
        // release: a download resumed the next night would join yesterday's start to today's end.
        ResponseEntity<org.springframework.core.io.Resource> whole = ok.get().contentLength(file.getFile().length())
                .body(new org.springframework.core.io.InputStreamResource(file));
        if (!sameRelease(request.getHeader(HttpHeaders.IF_RANGE), lastModified)) return whole;
        // Tomcat would gzip a part of a CSV or JSON file for a client that accepts it, while Content-Range counts the
        // plain bytes: such a client gets the whole file, gzipped.
        String encodings = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (!"xlsx".equals(format) && encodings != null && encodings.toLowerCase(java.util.Locale.ROOT).contains("gzip")) return whole;
        List<org.springframework.http.HttpRange> ranges;
        try {
            ranges = org.springframework.http.HttpRange.parseRanges(range);
            if (ranges.isEmpty()) return whole;
        } catch (IllegalArgumentException unreadable) {
            return whole;
        }
        try {
            org.springframework.http.HttpRange.toResourceRegions(ranges, file);
        } catch (IllegalArgumentException unsatisfiable) { // past the end, or more ranges than the file's bytes
            // 416 only when no range can be served (RFC 9110 §15.5.17); when some can, the Range is ignored (§14.2).
            if (ranges.stream().anyMatch(r -> satisfiable(r, file))) return whole;
            return ResponseEntity.status(org.springframework.http.HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + file.getFile().length()).contentLength(0)
                    .body(new org.springframework.core.io.ByteArrayResource(new byte[0])); // not the error page
        }
        return ok.get().body(file);
    }

    private static boolean satisfiable(org.springframework.http.HttpRange range, org.springframework.core.io.Resource file) {
        try {
            range.toResourceRegion(file);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether an If-Range (absent: yes) names this release. An entity tag never does: ours are weak, and If-Range compares
     * strongly. A date does when it is the release's Last-Modified to the second.
     */
    static boolean sameRelease(String ifRange, long lastModified) {
        if (ifRange == null) return true;
        if (ifRange.startsWith("\"") || ifRange.startsWith("W/")) return false;
        try {
            return java.time.ZonedDateTime.parse(ifRange.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant().toEpochMilli() == lastModified;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** Refuses a dataset name that is not one of the two (404). */
    static void requireDataset(String id) {
        if (!isDataset(id)) throw new NotFound("no dataset " + id);
    }

    static boolean isDataset(String id) {
        return DATASET.equals(id) || PROTECTION.equals(id);
    }

    /** The release's rows of a dataset: the protection facts in their own, everything else in the indicators'. */
    static List<OpenData.Row> rows(String dataset, OpenData.Release release) {
        boolean protection = PROTECTION.equals(dataset);
        return release.rows().stream().filter(r -> OpenData.protection(r.fact()) == protection).toList();
    }
}
