package org.tonkla.exchange.web.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;
import org.tonkla.platform.InvalidInput;

/** FHIR JSON answers: one resource, a searchset Bundle with paging links, an OperationOutcome. */
final class FhirResponses {

    private FhirResponses() {}

    static final FhirContext R4 = FhirContext.forR4Cached();
    static final MediaType FHIR_JSON = new MediaType("application", "fhir+json", java.nio.charset.StandardCharsets.UTF_8);
    static final int DEFAULT_COUNT = 50;
    static final int MAX_COUNT = 200;

    static ResponseEntity<String> ok(Resource resource) {
        return of(200, resource);
    }

    static ResponseEntity<String> of(int status, Resource resource) {
        return ResponseEntity.status(status).contentType(FHIR_JSON).body(R4.newJsonParser().encodeResourceToString(resource));
    }

    /**
     * A page of {@code all} as a searchset: {@code _count} entries from {@code _offset}, the total, and self
     * and next links that repeat the request's parameters.
     */
    static ResponseEntity<String> page(HttpServletRequest request, List<? extends Resource> all) {
        return page(request, all, r -> r);
    }

    /**
     * A page of the matches {@code all}, only the returned ones made into resources by {@code open}: opening a
     * child's record is a logged read, so the children past the page are not opened.
     */
    static <T> ResponseEntity<String> page(HttpServletRequest request, List<T> all,
            java.util.function.Function<? super T, ? extends Resource> open) {
        int count = number(request, "_count", DEFAULT_COUNT, 1, MAX_COUNT);
        int offset = number(request, "_offset", 0, 0, Integer.MAX_VALUE);
        // long: _offset near Integer.MAX_VALUE plus _count must not wrap to a negative end
        int from = (int) Math.min(offset, all.size());
        int to = (int) Math.min((long) offset + count, all.size());
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal(all.size());
        bundle.getMeta().setLastUpdated(new Date());
        String base = request.getRequestURL().toString().replaceFirst("/fhir/.*$", "/fhir/");
        for (T match : all.subList(from, to)) {
            Resource r = open.apply(match);
            bundle.addEntry().setFullUrl(base + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        bundle.addLink().setRelation("self").setUrl(link(request, offset, count));
        if ((long) offset + count < all.size()) bundle.addLink().setRelation("next").setUrl(link(request, offset + count, count));
        if (offset > 0) bundle.addLink().setRelation("previous").setUrl(link(request, Math.max(0, offset - count), count));
        return ok(bundle);
    }

    private static String link(HttpServletRequest request, int offset, int count) {
        var b = UriComponentsBuilder.fromUriString(request.getRequestURL().toString());
        request.getParameterMap().forEach((k, values) -> {
            if (!k.equals("_offset") && !k.equals("_count")) for (String v : values) b.queryParam(k, v);
        });
        return b.queryParam("_count", count).queryParam("_offset", offset).build().encode().toUriString();
    }

    private static int number(HttpServletRequest request, String name, int fallback, int min, int max) {
        String text = request.getParameter(name);
        if (text == null || text.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(text.strip());
            if (n < min || n > max) throw new InvalidInput(name, min + " to " + max);
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "a whole number");
        }
    }

    static OperationOutcome outcome(OperationOutcome.IssueType type, String diagnostics) {
        OperationOutcome o = new OperationOutcome();
        o.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
        return o;
    }
}
