package org.tonkla.assessment;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.tonkla.directory.Agency;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.OrgUnitDirectory;
import org.tonkla.identity.Placement;
import org.tonkla.identity.Role;
import org.tonkla.identity.ScopeCheck;
import org.tonkla.identity.ScopePolicy;
import org.tonkla.platform.ThaiDates;

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

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Directory directory;
    private final OrgUnitDirectory orgUnits;
    private final ScopeCheck scopes;
    private final ScopePolicy policy;
    private final AssessmentProperties properties;

    Monitoring(JdbcClient jdbc, Clock clock, Directory directory, OrgUnitDirectory orgUnits, ScopeCheck scopes,
            ScopePolicy policy, AssessmentProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
        this.orgUnits = orgUnits;
        this.scopes = scopes;
        this.policy = policy;
        this.properties = properties;
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
     * @throws AccessDeniedException when the user may not monitor, or the area is outside their scope
     */
    public Report report(Query query, CurrentUser user, int listLimit) {
        return report(query, user, 0, listLimit);
    }

    /** The dashboard with one page of the list: {@code listLimit} centers from {@code listOffset}. */
    public Report report(Query query, CurrentUser user, int listOffset, int listLimit) {
        requireArea(query, user);
        List<String> visible = visibleAgencies(user, query.agencyCode());
        List<CenterRow> rows = rows(query, visible);
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
        Set<String> agencies = new java.util.TreeSet<>();
        rows.forEach(r -> agencies.add(r.agencyCode()));
        return new Report(query, rows.size(), byStatus, outdated, followUp, areas(query, rows), standards(query, visible),
                indicators(query, visible),
                listed.subList(Math.min(listOffset, listed.size()), (int) Math.min((long) listOffset + listLimit, listed.size())),
                listed.size(),
                List.copyOf(agencies));
    }

    /** Every center of the query's area and affiliation with its line, for the export. */
    public List<CenterRow> centers(Query query, CurrentUser user) {
        requireArea(query, user);
        return rows(query, visibleAgencies(user, query.agencyCode()));
    }

    private List<CenterRow> rows(Query query, List<String> visible) {
        String prefix = query.areaCode() == null ? "" : query.areaCode();
        LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
        Instant yearStart = ZonedDateTime.of(query.yearBe() - 543, 1, 1, 0, 0, 0, 0, ThaiDates.BANGKOK).toInstant();
        Set<UUID> overdue = new HashSet<>(jdbc.sql("""
                SELECT DISTINCT a.unit_id FROM improvement_plan p JOIN center_assessment a ON a.id = p.assessment_id
                 WHERE p.done_on IS NULL AND p.due_on < :today
                   AND (CAST(:province AS text) IS NULL OR p.province_code = :province)""")
                .param("today", Date.valueOf(today)).param("province", province(prefix))
                .query(UUID.class).list());
        return jdbc.sql("""
                SELECT u.unit_id, u.name_th, u.name_en, u.subdistrict_code, u.agency_code,
                       coalesce(a.status, 'NOT_STARTED') AS status, a.level_s1, a.level_s2, a.level_s3, a.level_overall,
                       a.passed, coalesce(a.zero_items, 0) AS zero_items, p.updated_at AS profile_updated_at
                  FROM directory_unit_place u
                  LEFT JOIN center_assessment a ON a.unit_id = u.unit_id AND a.year_be = :year
                  LEFT JOIN center_profile p ON p.unit_id = u.unit_id
                 WHERE u.type IN (:types)
                   AND (CAST(:province AS text) IS NULL OR u.province_code = :province)
                   AND u.subdistrict_code LIKE :prefix
                   AND (CAST(:all_agencies AS boolean) OR u.agency_code IN (:agencies))""")
                .param("year", query.yearBe())
                .param("types", properties.centerTypes().stream().map(Enum::name).toList())
                .param("province", province(prefix))
                .param("prefix", prefix + "%")
                .param("all_agencies", visible == null)
                .param("agencies", visible == null || visible.isEmpty() ? List.of("-") : visible)
                .query((rs, i) -> {
                    Timestamp updated = rs.getTimestamp("profile_updated_at");
                    Instant updatedAt = updated == null ? null : updated.toInstant();
                    UUID id = rs.getObject("unit_id", UUID.class);
                    return new CenterRow(id, rs.getString("name_th"), rs.getString("name_en"),
                            rs.getString("subdistrict_code"), rs.getString("agency_code"),
                            AssessmentStatus.valueOf(rs.getString("status")), (Integer) rs.getObject("level_s1"),
                            (Integer) rs.getObject("level_s2"), (Integer) rs.getObject("level_s3"),
                            (Integer) rs.getObject("level_overall"), (Boolean) rs.getObject("passed"),
                            rs.getInt("zero_items"), updatedAt, updatedAt != null && !updatedAt.isBefore(yearStart),
                            overdue.contains(id));
                })
                .list();
    }

    /** Area codes and names one level below the query's area, for the list and the map. */
    private List<AreaRow> areas(Query query, List<CenterRow> rows) {
        String code = query.areaCode();
        int childLength = code == null ? 2 : code.length() == 2 ? 4 : 6;
        Map<String, Map<AssessmentStatus, Integer>> counts = new TreeMap<>();
        Map<String, Integer> totals = new HashMap<>();
        for (CenterRow r : rows) {
            String child = r.subdistrictCode().substring(0, childLength);
            counts.computeIfAbsent(child, k -> new EnumMap<>(AssessmentStatus.class)).merge(r.status(), 1, Integer::sum);
            totals.merge(child, 1, Integer::sum);
        }
        List<AreaRow> out = new ArrayList<>();
        var children = code == null ? directory.areasAtLevel(org.tonkla.directory.AreaLevel.PROVINCE) : directory.childrenOf(code);
        for (var area : children) {
            out.add(new AreaRow(area.code(), area.nameTh(), area.nameEn(),
                    counts.getOrDefault(area.code(), Map.of()), totals.getOrDefault(area.code(), 0)));
        }
        return out;
    }

    private List<Distribution> standards(Query query, List<String> visible) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String key : List.of("1", "2", "3", "overall")) counts.put(key, new int[4]);
        String prefix = query.areaCode() == null ? "" : query.areaCode();
        jdbc.sql("""
                SELECT level_s1, level_s2, level_s3, level_overall, count(*) AS n
                  FROM center_assessment
                 WHERE year_be = :year AND status IN ('SUBMITTED', 'ACCEPTED')
                   AND (CAST(:province AS text) IS NULL OR province_code = :province)
                   AND district_code LIKE :district
                   AND (CAST(:all_agencies AS boolean) OR agency_code IN (:agencies))
                 GROUP BY level_s1, level_s2, level_s3, level_overall""")
                .param("year", query.yearBe()).param("province", province(prefix))
                .param("district", (prefix.length() >= 4 ? prefix.substring(0, 4) : prefix) + "%")
                .param("all_agencies", visible == null)
                .param("agencies", visible == null || visible.isEmpty() ? List.of("-") : visible)
                .query(rs -> {
                    int n = rs.getInt("n");
                    add(counts.get("1"), (Integer) rs.getObject("level_s1"), n);
                    add(counts.get("2"), (Integer) rs.getObject("level_s2"), n);
                    add(counts.get("3"), (Integer) rs.getObject("level_s3"), n);
                    add(counts.get("overall"), (Integer) rs.getObject("level_overall"), n);
                });
        List<Distribution> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new Distribution(k, k.equals("overall") ? 0 : Integer.parseInt(k), v)));
        return out;
    }

    private List<Distribution> indicators(Query query, List<String> visible) {
        Map<String, Distribution> out = new TreeMap<>(Comparator.comparing(Monitoring::sortKey));
        String prefix = query.areaCode() == null ? "" : query.areaCode();
        jdbc.sql("""
                SELECT r.indicator_key, r.standard_no, r.level, count(*) AS n
                  FROM assessment_indicator_result r
                  JOIN center_assessment a ON a.id = r.assessment_id
                 WHERE a.year_be = :year AND a.status IN ('SUBMITTED', 'ACCEPTED') AND r.level IS NOT NULL
                   AND (CAST(:province AS text) IS NULL OR a.province_code = :province)
                   AND a.district_code LIKE :district
                   AND (CAST(:all_agencies AS boolean) OR a.agency_code IN (:agencies))
                 GROUP BY r.indicator_key, r.standard_no, r.level""")
                .param("year", query.yearBe()).param("province", province(prefix))
                .param("district", (prefix.length() >= 4 ? prefix.substring(0, 4) : prefix) + "%")
                .param("all_agencies", visible == null)
                .param("agencies", visible == null || visible.isEmpty() ? List.of("-") : visible)
                .query(rs -> {
                    Distribution d = out.computeIfAbsent(rs.getString("indicator_key"),
                            k -> new Distribution(k, rsInt(rs, "standard_no"), new int[4]));
                    d.levels()[rsInt(rs, "level")] += rsInt(rs, "n");
                });
        return List.copyOf(out.values());
    }

    /**
     * The affiliations whose centers the user may see, narrowed to {@code chosen}; {@code null} means
     * every affiliation. Asked of the scope policy, so agency-bound roles see their agency's centers only.
     */
    private List<String> visibleAgencies(CurrentUser user, String chosen) {
        List<Agency> all = directory.agencies();
        Map<String, String> parents = new HashMap<>();
        all.forEach(a -> parents.put(a.code(), a.parentCode()));
        String scopeArea = user.scope().unit() instanceof OrgUnit.Area a ? a.code() : "";
        Placement scopePlacement = orgUnits.placementOf(user.scope().unit()).orElse(Placement.country());
        List<String> visible = new ArrayList<>();
        for (Agency agency : all) {
            List<String> lineage = new ArrayList<>();
            for (String c = agency.code(); c != null && lineage.size() < 10; c = parents.get(c)) lineage.add(c);
            Placement target = new Placement(scopeArea, new UUID(0, 0), lineage);
            if (policy.permits(user.role(), user.scope(), scopePlacement, target)) visible.add(agency.code());
        }
        if (chosen != null && !chosen.isBlank()) return visible.contains(chosen) ? List.of(chosen) : List.of();
        return visible.size() == all.size() ? null : visible;
    }

    private void requireArea(Query query, CurrentUser user) {
        if (!mayMonitor(user)) throw new AccessDeniedException("Monitoring is for officers and administrators");
        OrgUnit area = query.areaCode() == null ? OrgUnit.country() : OrgUnit.area(query.areaCode());
        if (query.areaCode() != null && query.areaCode().length() > 4) throw new IllegalArgumentException("area");
        if (!scopes.mayActOn(user, area)) throw new AccessDeniedException("Area outside the user's scope");
    }

    private static String province(String prefix) {
        return prefix.length() >= 2 ? prefix.substring(0, 2) : null;
    }

    private static void add(int[] counts, Integer level, int n) {
        if (level != null) counts[level] += n;
    }

    private static int rsInt(java.sql.ResultSet rs, String column) {
        try {
            return rs.getInt(column);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // "1.2" before "1.10", and "3.4 ข" after "3.4 ก".
    private static String sortKey(String indicatorKey) {
        String[] parts = indicatorKey.split("[. ]");
        StringBuilder out = new StringBuilder();
        for (String p : parts) out.append(p.matches("\\d+") ? String.format("%03d", Integer.parseInt(p)) : p).append('|');
        return out.toString();
    }
}
