package org.tonkla.indicators.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Solr's query syntax that CKAN clients send to package_search, over the two datasets: words, {@code
 * field:value}, {@code field:"value"}, ranges {@code field:[a TO b]} (or with braces), a leading {@code -} or {@code NOT},
 * {@code OR} between clauses and, as CKAN sets it ({@code q.op=AND}), AND between the others. ckanext-harvest's CKAN
 * harvester sends {@code organization:a OR organization:b}, {@code -organization:x} and a {@code metadata_modified} range.
 * A field no dataset has matches nothing, as in CKAN's schema, where any field name is accepted. Parsed by hand in one
 * pass: no library parses Solr syntax without Solr, and a regular expression over an anonymous caller's text was a
 * review's denial of service (it backtracked quadratically).
 */
final class CkanQuery {

    /** Longer queries are refused (CKAN's own are a few dozen characters). */
    static final int MAX_LENGTH = 2000;
    /** Solr date math after a date or NOW: steps (+1DAY, -2HOURS) and roundings (/DAY), in any order. */
    private static final Pattern MATH = Pattern.compile("(?:[+-]\\d{1,6}(?:YEAR|MONTH|DAY|HOUR|MINUTE|SECOND|MILLISECOND)S?|/(?:YEAR|MONTH|DAY|HOUR|MINUTE|SECOND))*");
    private static final Pattern OP = Pattern.compile("([+-]\\d{1,6}|/)(YEAR|MONTH|DAY|HOUR|MINUTE|SECOND|MILLISECOND)S?");

    /** What a query can ask of one dataset. */
    interface Dataset {
        /** The dataset's value of {@code field}, or null when it has none. */
        List<String> values(String field);

        /** The dataset's words (name, title, description, keywords), lower case. */
        String text();

        /** Its metadata_modified and metadata_created. */
        Instant modified();
    }

    /** The query could not be read: CKAN's 409 "Search Query is invalid". */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final List<List<Predicate<Dataset>>> conjunction = new ArrayList<>();

    private CkanQuery() {}

    /** Parses {@code query}; an empty query, {@code *:*} or {@code *} matches everything. */
    static CkanQuery parse(String query, Instant now) {
        if (query.length() > MAX_LENGTH) throw new Invalid("longer than " + MAX_LENGTH + " characters");
        CkanQuery q = new CkanQuery();
        boolean or = false;
        boolean not = false;
        for (String token : tokens(query)) {
            if (token.equals("AND") || token.equals("&&")) continue;
            if (token.equals("OR") || token.equals("||")) {
                if (q.conjunction.isEmpty()) throw new Invalid("OR with nothing before it");
                or = true;
                continue;
            }
            if (token.equals("NOT")) {
                not = !not;
                continue;
            }
            boolean negate = not;
            not = false;
            String clause = token;
            if (clause.startsWith("-") || clause.startsWith("!")) {
                negate = !negate;
                clause = clause.substring(1);
            } else if (clause.startsWith("+")) {
                clause = clause.substring(1);
            }
            Predicate<Dataset> p = clause(clause, now);
            if (negate) p = p.negate();
            if (or) q.conjunction.getLast().add(p);
            else q.conjunction.add(new ArrayList<>(List.of(p)));
            or = false;
        }
        if (or || not) throw new Invalid("the query ends in an operator");
        return q;
    }

    boolean matches(Dataset d) {
        for (List<Predicate<Dataset>> any : conjunction) {
            if (any.stream().noneMatch(p -> p.test(d))) return false;
        }
        return true;
    }

    private static Predicate<Dataset> clause(String clause, Instant now) {
        if (clause.isEmpty()) throw new Invalid("an empty clause");
        if (clause.equals("*:*") || clause.equals("*")) return d -> true;
        int colon = clause.indexOf(':');
        if (colon <= 0) {
            String word = unquote(clause).toLowerCase(Locale.ROOT);
            return d -> d.text().contains(word);
        }
        String field = clause.substring(0, colon);
        String value = clause.substring(colon + 1);
        if (value.isEmpty()) throw new Invalid("no value for " + field);
        if (value.startsWith("[") || value.startsWith("{")) {
            if (!field.equals("metadata_modified") && !field.equals("metadata_created")) return d -> false;
            Range range = Range.parse(value, now);
            return d -> range.holds(d.modified());
        }
        String wanted = unquote(value);
        if (wanted.equals("*")) return d -> d.values(field) != null;
        return d -> {
            List<String> values = d.values(field);
            return values != null && values.stream().anyMatch(v -> v.equalsIgnoreCase(wanted));
        };
    }

    /** Whitespace-separated tokens; a quoted value or a range is one token however many spaces it holds. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) i++;
            if (i >= n) break;
            int start = i;
            boolean quoted = false;
            boolean range = false;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '"' && !range) quoted = !quoted;
                else if ((c == '[' || c == '{') && !quoted) range = true;
                else if ((c == ']' || c == '}') && !quoted) range = false;
                else if (Character.isWhitespace(c) && !quoted && !range) break;
                i++;
            }
            if (quoted) throw new Invalid("an unclosed quote");
            if (range) throw new Invalid("an unclosed range");
            out.add(s.substring(start, i));
        }
        return out;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** {@code [from TO to]}, inclusive with brackets, exclusive with braces; * for open. */
    private record Range(Instant from, boolean fromIncluded, Instant to, boolean toIncluded) {

        static Range parse(String v, Instant now) {
            char open = v.charAt(0);
            char close = v.charAt(v.length() - 1);
            if (close != ']' && close != '}') throw new Invalid("a range without its closing bracket");
            // Split by hand: a regular expression over a run of spaces was quadratic (a review's finding).
            List<String> parts = tokens(v.substring(1, v.length() - 1));
            if (parts.size() != 3 || !parts.get(1).equals("TO")) throw new Invalid("a range is [from TO to]");
            return new Range(instant(unquote(parts.get(0)), now), open == '[', instant(unquote(parts.get(2)), now), close == ']');
        }

        boolean holds(Instant at) {
            boolean after = from == null || (fromIncluded ? !at.isBefore(from) : at.isAfter(from));
            boolean before = to == null || (toIncluded ? !at.isAfter(to) : at.isBefore(to));
            return after && before;
        }

        /** Solr's date: an ISO instant (with or without Z, as CKAN writes them) or NOW, then date math; * for open. */
        private static Instant instant(String s, Instant now) {
            if (s.equals("*")) return null;
            int end = s.startsWith("NOW") ? 3 : s.indexOf('Z') + 1;
            if (end <= 0) end = s.length();
            String math = s.substring(end);
            if (!MATH.matcher(math).matches()) throw new Invalid("not a date: " + s);
            LocalDateTime t;
            try {
                String base = s.substring(0, end);
                t = base.equals("NOW") ? LocalDateTime.ofInstant(now, ZoneOffset.UTC)
                        : base.endsWith("Z") ? LocalDateTime.ofInstant(Instant.parse(base), ZoneOffset.UTC) : LocalDateTime.parse(base);
            } catch (java.time.format.DateTimeParseException e) {
                throw new Invalid("not a date: " + s);
            }
            try {
                return math(t, math).toInstant(ZoneOffset.UTC);
            } catch (java.time.DateTimeException | ArithmeticException e) {
                throw new Invalid("a date out of range: " + s);
            }
        }

        private static LocalDateTime math(LocalDateTime t, String math) {
            Matcher op = OP.matcher(math);
            while (op.find()) {
                ChronoUnit unit = switch (op.group(2)) {
                    case "YEAR" -> ChronoUnit.YEARS;
                    case "MONTH" -> ChronoUnit.MONTHS;
                    case "DAY" -> ChronoUnit.DAYS;
                    case "HOUR" -> ChronoUnit.HOURS;
                    case "MINUTE" -> ChronoUnit.MINUTES;
                    case "SECOND" -> ChronoUnit.SECONDS;
                    default -> ChronoUnit.MILLIS;
                };
                if (!op.group(1).equals("/")) t = t.plus(Long.parseLong(op.group(1)), unit);
                else if (unit == ChronoUnit.YEARS) t = t.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS);
                else if (unit == ChronoUnit.MONTHS) t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
                else t = t.truncatedTo(unit);
            }
            return t;
        }
    }
}
