package org.tonkla.exchange.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tonkla.core.thai.BuddhistEra;
import org.tonkla.core.thai.NationalId;
import org.tonkla.exchange.TemplateImports.Problem;
import org.tonkla.exchange.TemplateImports.Report;
import org.tonkla.exchange.TemplateKind;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.DomainProblem;
import org.tonkla.platform.InvalidInput;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.DuplicateCandidates;
import org.tonkla.registry.EnrolmentKind;
import org.tonkla.registry.NewChild;
import org.tonkla.registry.Registration;
import org.tonkla.registry.Sex;

/**
 * Loads a filled-in template into one unit: the unit's scope first (a teacher loads only into her own unit),
 * then row by row through the same use cases as the pages, each row in its own transaction.
 */
@Component
public class TemplateLoader {

    /** More rows than a center or school has children: a file this long is something else. */
    static final int MAX_ROWS = 2000;

    /** The registration's field names and the template's columns. */
    private static final Map<String, String> REGISTRATION_COLUMNS = Map.ofEntries(Map.entry("givenNameTh", "given_name"),
            Map.entry("familyNameTh", "family_name"), Map.entry("sex", "sex"), Map.entry("dateOfBirth", "birth_date"),
            Map.entry("nationalId", "national_id"), Map.entry("identifier", "national_id"),
            Map.entry("className", "class_name"), Map.entry("enrolledOn", "started_on"), Map.entry("houseNo", "house_no"),
            Map.entry("subdistrictCode", "subdistrict_code"));

    private final ChildAccess access;
    private final Registration registration;
    private final TemplateMeasurements measurements;

    TemplateLoader(ChildAccess access, Registration registration, TemplateMeasurements measurements) {
        this.access = access;
        this.registration = registration;
        this.measurements = measurements;
    }

    public Report load(TemplateKind kind, byte[] content, UUID unitId, CurrentUser user) {
        access.requireRecorderAt(user, unitId);
        var read = TemplateSheet.read(kind, content);
        if (read.headerProblem() != null) throw new InvalidInput("file", read.headerProblem());
        if (read.lines().size() > MAX_ROWS) throw new InvalidInput("file", "at most " + MAX_ROWS + " rows");
        var tally = new Tally(kind, read.lines().size());
        if (kind == TemplateKind.MEASUREMENTS) {
            measurements.load(read.lines(), unitId, user, tally);
        } else {
            for (var line : read.lines()) register(kind, line, unitId, user, tally);
        }
        return tally.report();
    }

    private void register(TemplateKind kind, TemplateSheet.Line line, UUID unitId, CurrentUser user, Tally tally) {
        var v = line.values();
        var row = tally.row(line.number());
        String id = nationalId(v.get("national_id"), row);
        Sex sex = switch (v.get("sex").toUpperCase(java.util.Locale.ROOT)) {
            case "ช", "ชาย", "M", "1" -> Sex.M;
            case "ญ", "หญิง", "F", "2" -> Sex.F;
            default -> {
                row.problem("sex", "ช (ชาย) or ญ (หญิง)");
                yield null;
            }
        };
        LocalDate birth = date(v.get("birth_date"), "birth_date", true, row);
        LocalDate started = date(v.get("started_on"), "started_on", kind == TemplateKind.ENROLMENTS, row);
        if (v.get("given_name").isEmpty()) row.problem("given_name", "the child's given name in Thai");
        if (v.get("family_name").isEmpty()) row.problem("family_name", "the child's family name in Thai");
        if (row.failed()) return;
        var cmd = new NewChild(v.get("given_name"), v.get("family_name"), null, null, sex, birth, null, id, null, null,
                unitId, EnrolmentKind.ENROLLED, v.get("class_name"), started, v.getOrDefault("subdistrict_code", ""),
                v.getOrDefault("house_no", ""), null, null, false);
        try {
            switch (registration.register(cmd, user)) {
                case Registration.Created c -> tally.added++;
                case Registration.AlreadyHere h -> tally.alreadyThere++;
                case Registration.JoinRequested j -> tally.joinRequested++;
            }
        } catch (InvalidInput e) {
            e.errors().forEach(f -> row.problem(REGISTRATION_COLUMNS.getOrDefault(f.field(), "national_id"), f.expected()));
        } catch (DuplicateCandidates e) {
            row.problem("given_name", "a child not registered yet: a child with a name like this, born the same day, "
                    + "is registered already; check on the registration page and register there if this is another child");
        } catch (Conflict e) {
            row.problem("national_id", e.getMessage());
        } catch (DomainProblem e) {
            if (e.status() == 403) throw e; // the unit's scope, checked before any row: nothing to report per row
            row.problem("national_id", e.getMessage()); // e.g. the hourly quota of look-ups by national ID
        }
    }

    /** 13 digits with a valid check digit; dashes and spaces as printed on the card are dropped. */
    static String nationalId(String text, Tally.Row row) {
        String digits = text.replaceAll("[\\s-]", "");
        if (!NationalId.isValid(digits)) {
            row.problem("national_id", "a national ID of 13 digits whose last digit checks (as on the ID card)");
            return null;
        }
        return digits;
    }

    /** A day/month/Buddhist-era year date; a Christian-era year is refused with that reason. */
    static LocalDate date(String text, String column, boolean required, Tally.Row row) {
        if (text.isEmpty()) {
            if (required) row.problem(column, "a date as day/month/Buddhist-era year, e.g. 15/03/2566");
            return null;
        }
        try {
            return BuddhistEra.parse(text);
        } catch (IllegalArgumentException e) {
            String why = e.getMessage() != null && e.getMessage().contains("CE year")
                    ? "a Buddhist-era year (พ.ศ.): " + text + " looks like a Christian-era year; add 543"
                    : "a date as day/month/Buddhist-era year, e.g. 15/03/2566";
            row.problem(column, why);
            return null;
        }
    }

    /** The counts and problems of one load. */
    static final class Tally {
        private final TemplateKind kind;
        private final int rows;
        private final List<Problem> problems = new ArrayList<>();
        int added;
        int alreadyThere;
        int joinRequested;

        Tally(TemplateKind kind, int rows) {
            this.kind = kind;
            this.rows = rows;
        }

        Row row(int number) {
            return new Row(number);
        }

        Report report() {
            return new Report(kind, rows, added, alreadyThere, joinRequested, List.copyOf(problems));
        }

        /** One row's problems. */
        final class Row {
            private final int number;
            private boolean failed;

            private Row(int number) {
                this.number = number;
            }

            void problem(String column, String expected) {
                failed = true;
                problems.add(new Problem(number, column, expected));
            }

            boolean failed() {
                return failed;
            }
        }
    }
}
