package org.tonkla.exchange.web.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.tonkla.platform.InvalidInput;

/**
 * FHIR date search values with their prefixes ({@code eq ne gt lt ge le}, FHIR R4 search §3.1.1.4), on a date
 * (birthdate) or an instant (_lastUpdated; a value without time is the whole day in Thailand).
 */
record SearchDates(String name, List<String> values) {

    private static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");

    boolean matches(LocalDate day) {
        if (day == null) return values.isEmpty();
        return matches(day.atStartOfDay(THAILAND).toInstant(), day.plusDays(1).atStartOfDay(THAILAND).toInstant());
    }

    boolean matchesInstant(Instant at) {
        if (at == null) return values.isEmpty();
        return matches(at, at.plusNanos(1));
    }

    /** Whether [from, to) satisfies every value (FHIR: repeated parameters are ANDed). */
    private boolean matches(Instant from, Instant to) {
        for (String raw : values) {
            String prefix = raw.length() > 2 && Character.isLetter(raw.charAt(0)) ? raw.substring(0, 2) : "eq";
            String text = prefix.equals("eq") && !raw.startsWith("eq") ? raw : raw.substring(2);
            Instant[] range = range(text);
            boolean ok = switch (prefix) {
                case "eq" -> !from.isBefore(range[0]) && !to.isAfter(range[1]);
                case "ne" -> from.isBefore(range[0]) || to.isAfter(range[1]);
                case "gt" -> to.isAfter(range[1]);
                case "lt" -> from.isBefore(range[0]);
                case "ge" -> to.isAfter(range[0]);
                case "le" -> from.isBefore(range[1]);
                default -> throw new InvalidInput(name, "a date with an optional prefix eq, ne, gt, lt, ge or le");
            };
            if (!ok) return false;
        }
        return true;
    }

    private Instant[] range(String text) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return new Instant[] {day.atStartOfDay(THAILAND).toInstant(), day.plusDays(1).atStartOfDay(THAILAND).toInstant()};
            }
            Instant at = java.time.OffsetDateTime.parse(text).toInstant();
            return new Instant[] {at, at.plusNanos(1)};
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "YYYY-MM-DD or an instant with its offset, after an optional prefix");
        }
    }
}
