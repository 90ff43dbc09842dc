package org.tonkla.core.development;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One DSPM screening of one child on one day: the overall result and, when recorded, the result
 * of each of the five domains.
 *
 * <p>Many services send only the overall SPECIALPP code, so {@code domains} may be empty; when it
 * is not, it has all five domains and an overall {@link ScreeningResult#NORMAL} iff every domain
 * is normal.
 *
 * @param date the day of the screening (DATE_SERV)
 * @param overall the overall result (1B260/1B261/1B262)
 * @param domains per-domain results: all five or none
 * @see DspmCode (THAI-RULES §2, §2.1)
 */
public record DspmScreening(LocalDate date, ScreeningResult overall, Map<DspmDomain, ScreeningResult> domains) {

    public DspmScreening {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(domains, "domains");
        if (!domains.isEmpty()) {
            if (domains.size() != DspmDomain.values().length || domains.containsValue(null)) {
                throw new IllegalArgumentException("A DSPM screening records all five domains or none; got " + domains.keySet());
            }
            boolean allNormal = domains.values().stream().allMatch(r -> r == ScreeningResult.NORMAL);
            if (allNormal != (overall == ScreeningResult.NORMAL)) {
                throw new IllegalArgumentException(
                        "Overall " + overall + " contradicts the domains: normal overall means every domain normal");
            }
        }
        domains = domains.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(domains));
    }

    /**
     * A screening from its five domain results; the overall result is the worst of them.
     *
     * @throws IllegalArgumentException unless all five domains are present
     */
    public static DspmScreening of(LocalDate date, Map<DspmDomain, ScreeningResult> domains) {
        ScreeningResult worst = domains.values().stream()
                .max(Enum::compareTo)
                .orElseThrow(() -> new IllegalArgumentException("no domain results"));
        return new DspmScreening(date, worst, domains);
    }

    /** A screening known only by its overall result. */
    public static DspmScreening overallOnly(LocalDate date, ScreeningResult overall) {
        return new DspmScreening(date, overall, Map.of());
    }

    /** A screening in which every domain passed. */
    public static DspmScreening allNormal(LocalDate date) {
        Map<DspmDomain, ScreeningResult> domains = new EnumMap<>(DspmDomain.class);
        for (DspmDomain d : DspmDomain.values()) domains.put(d, ScreeningResult.NORMAL);
        return of(date, domains);
    }

    /**
     * The screening that a day's SPECIALPP codes record, if they record one.
     *
     * <p>Codes that are not DSPM screening codes (surveillance, TEDA4I, other services) are ignored.
     * Per-domain codes are used when all five domains are present; otherwise the overall code
     * decides. Only an overall 1B260 can stand alone: it means all five domains passed.
     *
     * @return empty when the codes hold no overall code and not all five domain codes
     * @throws IllegalArgumentException if the codes contradict each other (two results for one
     *     domain, or an overall code at odds with the domains)
     */
    public static Optional<DspmScreening> fromSpecialPp(LocalDate date, Collection<String> codes) {
        ScreeningResult overall = null;
        Map<DspmDomain, ScreeningResult> domains = new EnumMap<>(DspmDomain.class);
        for (String text : codes) {
            Optional<DspmCode> parsed = DspmCode.parse(text);
            if (parsed.isEmpty()) continue;
            switch (parsed.get()) {
                case DspmCode.Screening s -> {
                    if (overall != null && overall != s.result()) {
                        throw new IllegalArgumentException("Two overall DSPM results on " + date);
                    }
                    overall = s.result();
                }
                case DspmCode.DomainFinding f -> {
                    Optional<ScreeningResult> r = f.finding().screeningResult();
                    if (r.isPresent()) {
                        ScreeningResult previous = domains.put(f.domain(), r.get());
                        if (previous != null && previous != r.get()) {
                            throw new IllegalArgumentException("Two results for " + f.domain() + " on " + date);
                        }
                    }
                }
                default -> { }
            }
        }
        boolean allDomains = domains.size() == DspmDomain.values().length;
        if (allDomains) {
            return Optional.of(overall == null ? of(date, domains) : new DspmScreening(date, overall, domains));
        }
        return Optional.ofNullable(overall).map(o -> overallOnly(date, o));
    }

    /** Whether all five domains passed (overall 1B260). */
    public boolean passedAll() {
        return overall == ScreeningResult.NORMAL;
    }

    /** The SPECIALPP codes for this screening: the overall code, then one per domain if known. */
    public List<String> specialPpCodes() {
        List<String> codes = new ArrayList<>();
        codes.add(new DspmCode.Screening(overall).code());
        domains.forEach((domain, result) -> codes.add(DspmCode.DomainFinding.ofScreening(domain, result).code()));
        return codes;
    }
}
