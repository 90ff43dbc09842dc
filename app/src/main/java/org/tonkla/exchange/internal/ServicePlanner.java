package org.tonkla.exchange.internal;

import static org.tonkla.exchange.internal.F43Checks.field;
import static org.tonkla.exchange.internal.F43Checks.required;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tonkla.core.development.DspmCode;
import org.tonkla.core.development.DspmScreening;
import org.tonkla.exchange.RejectReason;
import org.tonkla.exchange.internal.People.Person;
import org.tonkla.recordbook.RecordBookImports.ImportedImmunization;
import org.tonkla.recordbook.RecordBookImports.ImportedMeasurement;
import org.tonkla.recordbook.RecordBookImports.ImportedScreening;

/**
 * NUTRITION, EPI and SPECIALPP: each row checked against its PERSON (orphans, dates after birth and not
 * in the future) and its own code sets and ranges; measurements, vaccinations and DSPM screenings (the
 * SPECIALPP codes of one child on one day make one screening, THAI-RULES §2.1) with ids made from the
 * file's primary key, so loading a row again adds nothing.
 */
final class ServicePlanner {

    private static final Set<Integer> KEY_AGES = Set.of(9, 18, 30, 42, 60);

    /** A row that passed the checks common to every service file. */
    private record Checked(String hospcode, String pid, Person child, LocalDate date) {}

    private final People people;
    private final LocalDate today;
    private final int batchRows;

    ServicePlanner(People people, LocalDate today, int batchRows) {
        this.people = people;
        this.today = today;
        this.batchRows = batchRows;
    }

    List<Batch> plan(F43Zip zip) {
        List<Batch> batches = new ArrayList<>();
        if (zip.files().containsKey("NUTRITION")) batches.addAll(rows(zip.files().get("NUTRITION"), this::nutrition));
        if (zip.files().containsKey("EPI")) batches.addAll(rows(zip.files().get("EPI"), this::epi));
        if (zip.files().containsKey("SPECIALPP")) batches.addAll(specialPp(zip.files().get("SPECIALPP")));
        return batches;
    }

    private interface RowLoader {
        void load(F43File f, String[] v, Checked row, Batch b);
    }

    private static List<String> keyColumns(String kind) {
        return switch (kind) {
            case "NUTRITION" -> List.of("HOSPCODE", "PID", "DATE_SERV");
            case "EPI" -> List.of("HOSPCODE", "PID", "DATE_SERV", "VACCINETYPE");
            default -> List.of("HOSPCODE", "PID", "DATE_SERV", "PPSPECIAL");
        };
    }

    /**
     * The checks of every service row, in order: columns, width, key fields, orphan, duplicate key, date.
     *
     * @return empty when the row is a duplicate or of a person outside 0–6 (counted, not rejected)
     */
    private Optional<Checked> check(F43File f, String[] v, Set<String> seen, Batch b) {
        var at = f.columns();
        for (String c : keyColumns(f.kind())) if (!at.containsKey(c)) throw new RowFault(RejectReason.MISSING_COLUMN, c);
        if (v.length != f.header().size()) {
            throw new RowFault(RejectReason.WRONG_WIDTH, v.length + " fields, the header has " + f.header().size());
        }
        StringBuilder key = new StringBuilder();
        for (String c : keyColumns(f.kind())) key.append(required(at, v, c)).append('|');
        String hospcode = field(at, v, "HOSPCODE");
        String pid = field(at, v, "PID");
        Optional<Person> child = people.child(People.key(hospcode, pid));
        if (!seen.add(key.toString())) {
            b.count("duplicate");
            return Optional.empty();
        }
        if (child.isEmpty()) {
            b.count("skipped");
            return Optional.empty();
        }
        LocalDate date = F43Checks.serviceDate(field(at, v, "DATE_SERV"), child.get().facts().dateOfBirth(), today);
        return Optional.of(new Checked(hospcode, pid, child.get(), date));
    }

    private List<Batch> rows(F43File f, RowLoader loader) {
        var cut = new Batch.Cutter(f.kind(), batchRows);
        Set<String> seen = new HashSet<>();
        for (var row : f.rows()) {
            Batch b = cut.next(1);
            try {
                var checked = check(f, row.fields(), seen, b);
                if (checked.isPresent()) {
                    loader.load(f, row.fields(), checked.get(), b);
                    b.count("accepted");
                }
            } catch (RowFault fault) {
                b.reject(row.line(), fault);
            }
        }
        return cut.batches;
    }

    private void nutrition(F43File f, String[] v, Checked r, Batch b) {
        var at = f.columns();
        Double weight = F43Checks.measure(field(at, v, "WEIGHT"), "WEIGHT", 0.5, 50, "grams");
        Double height = F43Checks.measure(field(at, v, "HEIGHT"), "HEIGHT", 35, 150, "millimetres");
        Double head = F43Checks.measure(field(at, v, "HEADCIRCUM"), "HEADCIRCUM", 25, 60, "millimetres");
        F43Checks.code(field(at, v, "CHILDDEVELOP"), "CHILDDEVELOP", Set.of("1", "2", "3"), true);
        F43Checks.code(field(at, v, "FOOD"), "FOOD", Set.of("0", "1", "2", "3", "4", "5"), true);
        F43Checks.code(field(at, v, "BOTTLE"), "BOTTLE", Set.of("1", "2"), true);
        if (weight == null && height == null) return;
        b.count("measurements");
        b.measurements.add(new ImportedMeasurement(id("nutrition", r.hospcode(), r.pid(), r.date()), r.child().facts(),
                r.child().unitId(), r.date(), weight, height, null, head));
    }

    private void epi(F43File f, String[] v, Checked r, Batch b) {
        String code = field(f.columns(), v, "VACCINETYPE").toUpperCase(java.util.Locale.ROOT);
        F43Checks.code(code, "VACCINETYPE", F43Checks.VACCINE_CODES, false);
        b.count("vaccinations");
        b.immunizations.add(new ImportedImmunization(id("epi", r.hospcode(), r.pid(), r.date(), code), r.child().facts(),
                r.child().unitId(), code, r.date()));
    }

    /** SPECIALPP in groups of one child and day; a group is accepted or rejected whole. */
    private List<Batch> specialPp(F43File f) {
        var at = f.columns();
        Map<String, List<F43File.Row>> groups = new LinkedHashMap<>();
        for (var row : f.rows()) {
            String[] v = row.fields();
            String key = v.length == f.header().size()
                    ? field(at, v, "HOSPCODE") + "|" + field(at, v, "PID") + "|" + field(at, v, "DATE_SERV") : "line " + row.line();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        var cut = new Batch.Cutter("SPECIALPP", batchRows);
        Set<String> seen = new HashSet<>();
        for (var group : groups.values()) {
            Batch b = cut.next(group.size());
            List<String> codes = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            Checked day = null;
            for (var row : group) {
                try {
                    var checked = check(f, row.fields(), seen, b);
                    if (checked.isEmpty()) continue;
                    String code = field(at, row.fields(), "PPSPECIAL").toUpperCase(java.util.Locale.ROOT);
                    if (code.matches("1B2\\w\\w") && DspmCode.parse(code).isEmpty()) {
                        throw new RowFault(RejectReason.UNKNOWN_CODE, "PPSPECIAL " + code);
                    }
                    day = checked.get();
                    codes.add(code);
                    lines.add(row.line());
                } catch (RowFault fault) {
                    b.reject(row.line(), fault);
                }
            }
            if (day != null) screening(day, codes, lines, b);
        }
        return cut.batches;
    }

    private void screening(Checked day, List<String> codes, List<Integer> lines, Batch b) {
        Optional<DspmScreening> screening;
        try {
            screening = DspmScreening.fromSpecialPp(day.date(), codes);
        } catch (IllegalArgumentException e) {
            for (int line : lines) b.reject(line, new RowFault(RejectReason.CONTRADICTORY_CODES, e.getMessage()));
            return;
        }
        boolean dspm = codes.stream().anyMatch(c -> DspmCode.parse(c).map(x -> x instanceof DspmCode.Screening
                || x instanceof DspmCode.DomainFinding d && d.finding().screeningResult().isPresent()).orElse(false));
        if (!dspm) { // other special services (and DSPM surveillance): not what Tonkla records
            lines.forEach(l -> b.count("skipped"));
            return;
        }
        var s = screening.filter(x -> x.passedAll() || !x.domains().isEmpty());
        if (s.isEmpty()) {
            for (int line : lines) {
                b.reject(line, new RowFault(RejectReason.INCOMPLETE_SCREENING, "a suspected delay needs the five domain codes"));
            }
            return;
        }
        var domains = s.get().domains().isEmpty() ? DspmScreening.allNormal(day.date()).domains() : s.get().domains();
        long months = ChronoUnit.MONTHS.between(day.child().facts().dateOfBirth(), day.date());
        lines.forEach(l -> b.count("accepted"));
        b.count("screenings");
        b.screenings.add(new ImportedScreening(id("specialpp", day.hospcode(), day.pid(), day.date()), day.child().facts(),
                day.child().unitId(), day.date(), KEY_AGES.contains((int) months) ? (int) months : null, domains, null));
    }

    private static UUID id(String file, Object... key) {
        StringBuilder s = new StringBuilder("f43-").append(file);
        for (Object k : key) s.append(':').append(k);
        return UUID.nameUUIDFromBytes(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
