package org.tonkla.assessment;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.ScopeCheck;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Refused;

/**
 * Part 2 monitoring: for an area (the country, a province or a district), a year and optionally one
 * affiliation, how many centers have not started, are in draft, submitted, returned or accepted;
 * whose profile was not updated this year; how the handed-in assessments scored per standard and
 * indicator; and which centers need follow-up. Only centers the user may act on are counted: the
 * area must be inside the user's scope, and agency-bound roles see only their agency's centers.
 */
@Component
public class Monitoring {

    /** Which centers the list under the figures shows. */
    public enum ListFilter {
        /** Not started, draft or returned: the question "who has not submitted?". */
        NOT_SUBMITTED,
        /** Returned, scored with a 0 item or a standard at ต้องปรับปรุง, or with an overdue plan. */
        FOLLOW_UP,
        NOT_STARTED, DRAFT, SUBMITTED, RETURNED, ACCEPTED,
        /** Profile not updated this year. */
        PROFILE_OUTDATED,
        ALL;

        /** Whether the list shows {@code row}. */
        public boolean accepts(CenterRow row) {
            return switch (this) {
                case ALL -> true;
                case NOT_SUBMITTED -> !row.status().handedIn();
                case FOLLOW_UP -> row.followUp();
                case PROFILE_OUTDATED -> !row.profileCurrent();
                default -> row.status().name().equals(name());
            };
        }
    }

    /** What to monitor. {@code areaCode} is {@code null} for the whole country. */
    public record Query(int yearBe, String areaCode, String agencyCode, ListFilter list) {}

    /** One center's line. */
    public record CenterRow(UUID unitId, String nameTh, String nameEn, String subdistrictCode, String agencyCode,
            AssessmentStatus status, Integer levelS1, Integer levelS2, Integer levelS3, Integer levelOverall,
            Boolean passed, int zeroItems, Instant profileUpdatedAt, boolean profileCurrent, boolean overduePlan) {

        public String districtCode() {
            return subdistrictCode.substring(0, 4);
        }

        /** Whether an officer should look at it now; see {@link ListFilter#FOLLOW_UP}. */
        public boolean followUp() {
            if (status == AssessmentStatus.RETURNED || overduePlan) return true;
            if (!status.handedIn()) return false;
            return zeroItems > 0 || isZero(levelS1) || isZero(levelS2) || isZero(levelS3);
        }

        /**
         * Why the center is on the follow-up list, as message keys under {@code assessment.followUp.} with
         * their one argument (a count or a standard's number): the officer sees the reason, not a bare level.
         */
        public List<Reason> followUpReasons() {
            List<Reason> reasons = new java.util.ArrayList<>();
            if (status == AssessmentStatus.RETURNED) reasons.add(new Reason("assessment.followUp.returned", 0));
            if (overduePlan) reasons.add(new Reason("assessment.followUp.overduePlan", 0));
            if (!status.handedIn()) return reasons;
            Integer[] levels = {levelS1, levelS2, levelS3};
            for (int s = 0; s < levels.length; s++) {
                if (isZero(levels[s])) reasons.add(new Reason("assessment.followUp.standardZero", s + 1));
            }
            if (zeroItems > 0) reasons.add(new Reason("assessment.followUp.zeroItems", zeroItems));
            return reasons;
        }

        /** One reason for following a center up: a message key and its argument. */
        public record Reason(String key, int argument) {}

        public String name(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameTh;
        }

        private static boolean isZero(Integer level) {
            return level != null && level == 0;
        }
    }

    /** Counts for one area one level down (a province's districts, the country's provinces). */
    public record AreaRow(String code, String nameTh, String nameEn, Map<AssessmentStatus, Integer> byStatus, int centers) {

        /** Share of centers that handed in (submitted or accepted), whole percent; 0 without centers. */
        public int completeness() {
            if (centers == 0) return 0;
            int handedIn = byStatus.getOrDefault(AssessmentStatus.SUBMITTED, 0) + byStatus.getOrDefault(AssessmentStatus.ACCEPTED, 0);
            return (int) (100L * handedIn / centers);
        }

        public int count(AssessmentStatus status) {
            return byStatus.getOrDefault(status, 0);
        }

        public String name(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameTh;
        }
    }

    /** How many handed-in assessments reached each level (index 0–3) of a standard or indicator. */
    public record Distribution(String key, int standard, int[] levels) {
        public int total() {
            int t = 0;
            for (int n : levels) t += n;
            return t;
        }
    }

    /**
     * The whole dashboard.
     *
     * @param areas one level down, with counts; empty below district level
     * @param standards per standard 1–3, then key "overall"
     * @param indicators per indicator key, in catalogue order of first appearance
     * @param list the centers of the chosen {@link ListFilter}, at most {@code listLimit}
     */
    public record Report(Query query, int centers, Map<AssessmentStatus, Integer> byStatus, int profilesOutdated,
            int followUp, List<AreaRow> areas, List<Distribution> standards, List<Distribution> indicators,
            List<CenterRow> list, int listTotal, List<String> agencies) {

        public int count(AssessmentStatus status) {
            return byStatus.getOrDefault(status, 0);
        }

        public int notSubmitted() {
            return count(AssessmentStatus.NOT_STARTED) + count(AssessmentStatus.DRAFT) + count(AssessmentStatus.RETURNED);
        }

        public int handedIn() {
            return count(AssessmentStatus.SUBMITTED) + count(AssessmentStatus.ACCEPTED);
        }
    }

    private static final Set<Role> MONITORS = Set.of(Role.PROVINCIAL_OFFICER, Role.COMMITTEE_MEMBER, Role.AGENCY_ANALYST,
            Role.ADMINISTRATOR);

    private final ScopeCheck scopes;
    private final MonitoringQueries queries;

    Monitoring(ScopeCheck scopes, MonitoringQueries queries) {
        this.scopes = scopes;
        this.queries = queries;
    }

    /** Whether {@code user} has a monitoring role and a scope wider than one unit. */
    public boolean mayMonitor(CurrentUser user) {
        return MONITORS.contains(user.role()) && !(user.scope().unit() instanceof OrgUnit.ServiceUnit);
    }

    /** The area a user's dashboard opens on: their own, or {@code null} (the country). */
    public String homeArea(CurrentUser user) {
        return user.scope().unit() instanceof OrgUnit.Area a ? a.code() : null;
    }

    /**
     * The dashboard for {@code query}.
     *
     * @throws Refused when the user may not monitor, or the area is outside their scope
     * @throws InvalidInput when the area is not a province or district code
     */
    public Report report(Query query, CurrentUser user, int listLimit) {
        return report(query, user, 0, listLimit);
    }

    /** The dashboard with one page of the list: {@code listLimit} centers from {@code listOffset}. */
    public Report report(Query query, CurrentUser user, int listOffset, int listLimit) {
        requireArea(query, user);
        List<String> visible = queries.visibleAgencies(user, query.agencyCode());
        List<CenterRow> rows = queries.rows(query, visible);
        Map<AssessmentStatus, Integer> byStatus = new EnumMap<>(AssessmentStatus.class);
        for (AssessmentStatus s : AssessmentStatus.values()) byStatus.put(s, 0);
        int outdated = 0;
        int followUp = 0;
        for (CenterRow r : rows) {
            byStatus.merge(r.status(), 1, Integer::sum);
            if (!r.profileCurrent()) outdated++;
            if (r.followUp()) followUp++;
        }
        List<CenterRow> listed = rows.stream().filter(r -> query.list().accepts(r))
                .sorted(Comparator.comparing(CenterRow::subdistrictCode).thenComparing(CenterRow::nameTh)).toList();
        int from = Math.clamp(listOffset, 0, listed.size());
        Set<String> agencies = new java.util.TreeSet<>();
        rows.forEach(r -> agencies.add(r.agencyCode()));
        return new Report(query, rows.size(), byStatus, outdated, followUp, queries.areas(query, rows),
                queries.standards(query, visible), queries.indicators(query, visible),
                listed.subList(from, (int) Math.max(from, Math.min((long) from + listLimit, listed.size()))),
                listed.size(),
                List.copyOf(agencies));
    }

    /**
     * Only how the handed-in assessments scored per standard (the report's {@code standards()}), without the
     * per-center rows the rest of the report needs: what the indicator dashboards show, nationally too.
     */
    public List<Distribution> standards(Query query, CurrentUser user) {
        requireArea(query, user);
        return queries.standards(query, queries.visibleAgencies(user, query.agencyCode()));
    }

    /** Every center of the query's area and affiliation with its line, for the export. */
    public List<CenterRow> centers(Query query, CurrentUser user) {
        requireArea(query, user);
        return queries.rows(query, queries.visibleAgencies(user, query.agencyCode()));
    }

    private void requireArea(Query query, CurrentUser user) {
        if (!mayMonitor(user)) throw new Refused("Monitoring is for officers and administrators");
        if (query.yearBe() < 2500 || query.yearBe() > 2700) throw new InvalidInput("year", "a Buddhist-era year from 2500 to 2700");
        if (query.areaCode() != null && !query.areaCode().matches("\\d{2}|\\d{4}")) {
            throw new InvalidInput("area", "a province (2 digits) or district (4 digits) DOPA code");
        }
        OrgUnit area = query.areaCode() == null ? OrgUnit.country() : OrgUnit.area(query.areaCode());
        if (!scopes.mayActOn(user, area)) throw new Refused("Area outside the user's scope");
    }

}
