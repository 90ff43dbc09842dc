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
import org.springframework.stereotype.Component;
import org.tonkla.assessment.Monitoring.AreaRow;
import org.tonkla.assessment.Monitoring.CenterRow;
import org.tonkla.assessment.Monitoring.Distribution;
import org.tonkla.assessment.Monitoring.Query;
import org.tonkla.core.thai.BuddhistEra;
import org.tonkla.directory.Agency;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.OrgUnitDirectory;
import org.tonkla.identity.Placement;
import org.tonkla.identity.ScopePolicy;
import org.tonkla.platform.ThaiDates;

/**
 * The queries behind {@link Monitoring}: centers with their year's status (through the directory's
 * published {@code directory_unit_place}), counts one area level down, and the level distributions
 * of the handed-in assessments, each narrowed to the affiliations the user may see.
 */
@Component
class MonitoringQueries {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Directory directory;
    private final OrgUnitDirectory orgUnits;
    private final ScopePolicy policy;
    private final AssessmentProperties properties;

    MonitoringQueries(JdbcClient jdbc, Clock clock, Directory directory, OrgUnitDirectory orgUnits, ScopePolicy policy,
            AssessmentProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
        this.orgUnits = orgUnits;
        this.policy = policy;
        this.properties = properties;
    }

    /** The line of every center of the query's area, year and visible affiliations ({@code null}: all). */
    List<CenterRow> rows(Query query, List<String> visible) {
        String prefix = query.areaCode() == null ? "" : query.areaCode();
        LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
        Instant yearStart = ZonedDateTime.of(BuddhistEra.toCommonEraYear(query.yearBe()), 1, 1, 0, 0, 0, 0, ThaiDates.BANGKOK).toInstant();
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
    List<AreaRow> areas(Query query, List<CenterRow> rows) {
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

    /** How the handed-in assessments scored per standard 1–3, then "overall". */
    List<Distribution> standards(Query query, List<String> visible) {
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

    /** How the handed-in assessments scored per indicator, in indicator order. */
    List<Distribution> indicators(Query query, List<String> visible) {
        Map<String, Distribution> out = new TreeMap<>(Comparator.comparing(MonitoringQueries::sortKey));
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
    List<String> visibleAgencies(CurrentUser user, String chosen) {
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

