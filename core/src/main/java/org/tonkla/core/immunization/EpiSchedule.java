package org.tonkla.core.immunization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A vaccination schedule: an ordered list of {@link ScheduledDose}s with a version tag.
 *
 * <p>{@link #thaiNational()} is the MOPH EPI schedule shipped in {@code thai-epi-schedule.csv}
 * (version {@value #THAI_NATIONAL_VERSION}); {@link #read} accepts the same format so an
 * administrator can load a corrected one.
 *
 * @param version a tag naming the published schedule
 * @param doses every dose, ordered by recommended age, then series, then dose
 * @see <a href="https://ddc.moph.go.th/dcd/publishinfodetail.php?publish=13857&amp;deptcode=dcd">กรมควบคุมโรค:
 *     กำหนดการให้วัคซีน ปี 2566</a> and the resource's PROVENANCE.md for each row's evidence
 */
public record EpiSchedule(String version, List<ScheduledDose> doses) {

    /** The version tag of the shipped national schedule. */
    public static final String THAI_NATIONAL_VERSION = "moph-epi-2566";

    private static final String RESOURCE = "thai-epi-schedule.csv";
    private static final List<String> HEADER = List.of("series", "dose", "codes", "label_th", "label_en", "age",
            "min_interval_days", "requires_prior_code", "max_age", "status", "note");

    public EpiSchedule {
        Objects.requireNonNull(version, "version");
        doses = doses.stream()
                .sorted(Comparator.comparing((ScheduledDose d) -> approximateDays(d.age()))
                        .thenComparing(ScheduledDose::series)
                        .thenComparingInt(ScheduledDose::dose))
                .toList();
        Set<String> seen = new java.util.HashSet<>();
        for (ScheduledDose d : doses) {
            if (!seen.add(d.series() + "#" + d.dose())) {
                throw new IllegalArgumentException("dose " + d.dose() + " of " + d.series() + " appears twice");
            }
        }
    }

    /** The Thai national EPI schedule shipped with Tonkla. */
    public static EpiSchedule thaiNational() {
        try (InputStream in = EpiSchedule.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), THAI_NATIONAL_VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a schedule in the shipped CSV format: lines starting with {@code #} are comments, the
     * first other line is the header, fields are separated by commas and may not contain commas
     * or quotes; multiple codes and prior codes are separated by {@code |}; ages are ISO-8601
     * periods ({@code P0D}, {@code P2M}, {@code P18M}, {@code P4Y}).
     *
     * @throws IllegalArgumentException naming the line and column of the first malformed field
     */
    public static EpiSchedule read(Reader reader, String version) {
        List<ScheduledDose> doses = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(reader)) {
            String line;
            int number = 0;
            boolean headerSeen = false;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) continue;
                List<String> fields = Arrays.asList(line.split(",", -1));
                if (!headerSeen) {
                    if (!fields.equals(HEADER)) {
                        throw new IllegalArgumentException("line " + number + ": expected the header " + String.join(",", HEADER));
                    }
                    headerSeen = true;
                    continue;
                }
                if (fields.size() != HEADER.size()) {
                    throw new IllegalArgumentException("line " + number + ": expected " + HEADER.size()
                            + " comma-separated fields, found " + fields.size());
                }
                doses.add(dose(number, fields));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EpiSchedule(version, doses);
    }

    /** The doses of one series, in dose order. */
    public List<ScheduledDose> series(String series) {
        return doses.stream().filter(d -> d.series().equals(series))
                .sorted(Comparator.comparingInt(ScheduledDose::dose)).toList();
    }

    /**
     * Where the child stands on every dose, with the Tonkla default that a dose is overdue 30
     * days after it falls due.
     *
     * @see VaccinationStatus#of(EpiSchedule, LocalDate, LocalDate, Collection, int)
     */
    public VaccinationStatus statusOf(LocalDate dateOfBirth, LocalDate today, Collection<GivenDose> given) {
        return VaccinationStatus.of(this, dateOfBirth, today, given, VaccinationStatus.DEFAULT_OVERDUE_AFTER_DAYS);
    }

    private static ScheduledDose dose(int line, List<String> f) {
        String series = required(line, "series", f.get(0));
        int dose = integer(line, "dose", f.get(1), 1);
        List<String> codes = codes(line, "codes", required(line, "codes", f.get(2)));
        Period age = period(line, "age", required(line, "age", f.get(5)));
        int interval = f.get(6).isBlank() ? 0 : integer(line, "min_interval_days", f.get(6), 0);
        Set<String> prior = f.get(7).isBlank() ? Set.of() : new LinkedHashSet<>(codes(line, "requires_prior_code", f.get(7)));
        Period maxAge = f.get(8).isBlank() ? null : period(line, "max_age", f.get(8));
        Evidence evidence;
        try {
            evidence = Evidence.ofLabel(f.get(9).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + line + ", column status: expected V, P or U, found '" + f.get(9) + "'");
        }
        return new ScheduledDose(series, dose, codes, f.get(3).strip(), f.get(4).strip(), age, interval, prior, maxAge,
                evidence, f.get(10).strip());
    }

    private static String required(int line, String column, String value) {
        if (value.isBlank()) throw new IllegalArgumentException("line " + line + ", column " + column + ": expected a value");
        return value.strip();
    }

    private static int integer(int line, String column, String value, int min) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("line " + line + ", column " + column + ": expected a whole number ≥ " + min
                + ", found '" + value + "'");
    }

    private static List<String> codes(int line, String column, String value) {
        List<String> codes = new ArrayList<>();
        for (String code : value.split("\\|")) {
            String c = code.strip().toUpperCase(java.util.Locale.ROOT);
            if (!c.matches("[0-9A-Z]{3}")) {
                throw new IllegalArgumentException("line " + line + ", column " + column
                        + ": expected 3-character VACCINETYPE codes separated by |, found '" + value + "'");
            }
            codes.add(c);
        }
        return codes;
    }

    private static Period period(int line, String column, String value) {
        try {
            Period p = Period.parse(value.strip());
            if (!p.isNegative()) return p;
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("line " + line + ", column " + column
                + ": expected an ISO-8601 period such as P2M or P18M, found '" + value + "'");
    }

    // For ordering only: months and years to days on the mean calendar.
    private static double approximateDays(Period p) {
        return p.getYears() * 365.25 + p.getMonths() * 30.4375 + p.getDays();
    }
}
