package org.tonkla.recordbook.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.tonkla.recordbook.web.AccessRows.AccessRow;

/**
 * The family's filter of the access log, as the page's query string carries it (so a reload or a shared link
 * keeps it): a period in days back from now, an agency, a service unit, a purpose. Blank or unknown values filter
 * nothing. Public for the page template (SpEL calls only public methods of public types).
 */
public record AccessFilter(Integer period, String agency, UUID unit, String purpose) {

    /** The periods offered, in days. */
    static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

    static AccessFilter of(String period, String agency, String unit, String purpose) {
        Integer days = period != null && period.matches("\\d{1,3}") && PERIODS.contains(Integer.valueOf(period))
                ? Integer.valueOf(period) : null;
        UUID unitId;
        try {
            unitId = unit == null || unit.isBlank() ? null : UUID.fromString(unit.strip());
        } catch (IllegalArgumentException e) {
            unitId = null;
        }
        return new AccessFilter(days, blankToNull(agency), unitId, blankToNull(purpose));
    }

    public boolean any() {
        return period != null || agency != null || unit != null || purpose != null;
    }

    List<AccessRow> apply(List<AccessRow> rows, Clock clock) {
        Instant since = period == null ? null : Instant.now(clock).minus(Duration.ofDays(period));
        return rows.stream()
                .filter(r -> since == null || !r.occurredAt().isBefore(since))
                .filter(r -> agency == null || agency.equals(r.agencyCode()))
                .filter(r -> unit == null || unit.equals(r.unitId()))
                .filter(r -> purpose == null || purpose.equals(r.purpose()))
                .toList();
    }

    /** The choices of one kind that occur in the log (value → label), sorted by label, for the page's lists. */
    static <K> Map<K, String> choices(List<AccessRow> rows, Function<AccessRow, K> value, Function<AccessRow, String> label) {
        var byLabel = new TreeMap<String, K>();
        for (AccessRow r : rows) {
            K v = value.apply(r);
            if (v != null) byLabel.putIfAbsent(Objects.requireNonNullElse(label.apply(r), String.valueOf(v)), v);
        }
        var choices = new java.util.LinkedHashMap<K, String>();
        byLabel.forEach((l, v) -> choices.putIfAbsent(v, l));
        return choices;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
