package org.tonkla.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.core.standard.StandardCatalogue;
import org.tonkla.identity.CurrentUser;

/**
 * The two reports officers know from the DCY system (ecd.dcy.go.th, THAI-RULES §1.6), for an area,
 * year and affiliation, over the handed-in (submitted or accepted) assessments the user may see:
 * <ul>
 *   <li>REP004 "ตารางสรุปรายงานมาตรฐานแต่ละด้าน พร้อมจำนวนข้อที่ต้องปรับปรุง": per center, its levels, the
 *       number of items at ต้องปรับปรุง and their codes written as REP004 writes them ({@code 3.1.1ข});
 *   <li>REP006 "13 มาตรฐาน 75 ข้อ": per item, how many centers reached each level.
 * </ul>
 * An item's level is the one that counted: the records' where their figure replaced the rating,
 * else the center's. Scope and affiliation are those of {@link Monitoring}.
 */
@Component
public class StandardReports {

    /** One center's line of REP004. */
    public record ImprovementRow(Monitoring.CenterRow center, List<String> items) {
        /** The codes as REP004 lists them: {@code 1.2.3,3.1.1ข}. */
        public String codes() {
            return String.join(",", items.stream().map(k -> k.replace(" ", "")).toList());
        }
    }

    /** One item's line of REP006: centers at each level 0–3. */
    public record ItemDistribution(int number, String itemKey, String text, int[] levels) {
        public int total() {
            int t = 0;
            for (int n : levels) t += n;
            return t;
        }
    }

    private final Monitoring monitoring;
    private final JdbcClient jdbc;
    private final Catalogues catalogues;

    StandardReports(Monitoring monitoring, JdbcClient jdbc, Catalogues catalogues) {
        this.monitoring = monitoring;
        this.jdbc = jdbc;
        this.catalogues = catalogues;
    }

    /** REP004: every handed-in center of the query with its items needing improvement, most first. */
    public List<ImprovementRow> itemsNeedingImprovement(Monitoring.Query query, CurrentUser user) {
        List<Monitoring.CenterRow> centers = monitoring.centers(query, user).stream()
                .filter(c -> c.status().handedIn()).toList();
        Map<UUID, Map<String, ItemLevel>> levels = levels(query.yearBe(), centers);
        Map<UUID, String> versions = versions(query.yearBe(), centers);
        List<ImprovementRow> out = new ArrayList<>();
        for (Monitoring.CenterRow c : centers) {
            Map<String, ItemLevel> l = levels.getOrDefault(c.unitId(), Map.of());
            List<String> zeros = new ArrayList<>();
            for (CatalogueItem item : catalogues.version(versions.get(c.unitId())).items()) {
                if (l.get(item.key()) == ItemLevel.NEEDS_IMPROVEMENT) zeros.add(item.key());
            }
            out.add(new ImprovementRow(c, zeros));
        }
        out.sort(java.util.Comparator.comparingInt((ImprovementRow r) -> -r.items().size())
                .thenComparing(r -> r.center().subdistrictCode()).thenComparing(r -> r.center().nameTh()));
        return out;
    }

    /**
     * REP006: for every item of the default catalogue (then any other item the assessments used), how
     * many handed-in centers of the query reached each level.
     */
    public List<ItemDistribution> levelDistribution(Monitoring.Query query, CurrentUser user) {
        List<Monitoring.CenterRow> centers = monitoring.centers(query, user).stream()
                .filter(c -> c.status().handedIn()).toList();
        Map<String, ItemDistribution> out = new LinkedHashMap<>();
        int n = 0;
        for (CatalogueItem item : catalogues.version(StandardCatalogue.NATIONAL_VERSION).items()) {
            out.put(item.key(), new ItemDistribution(++n, item.key(), item.text(), new int[4]));
        }
        Map<UUID, String> versions = versions(query.yearBe(), centers);
        for (var entry : levels(query.yearBe(), centers).entrySet()) {
            StandardCatalogue catalogue = catalogues.version(versions.get(entry.getKey()));
            for (var level : entry.getValue().entrySet()) {
                ItemDistribution d = out.get(level.getKey());
                if (d == null) {
                    String text = catalogue.item(level.getKey()).map(CatalogueItem::text).orElse("");
                    d = new ItemDistribution(++n, level.getKey(), text, new int[4]);
                    out.put(level.getKey(), d);
                }
                d.levels()[level.getValue().score()]++;
            }
        }
        return List.copyOf(out.values());
    }

    private Map<UUID, String> versions(int yearBe, List<Monitoring.CenterRow> centers) {
        Map<UUID, String> out = new HashMap<>();
        if (centers.isEmpty()) return out;
        jdbc.sql("SELECT unit_id, catalogue_version FROM center_assessment WHERE year_be = :year AND unit_id IN (:units)")
                .param("year", yearBe).param("units", centers.stream().map(Monitoring.CenterRow::unitId).toList())
                .query(rs -> {
                    out.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return out;
    }

    // The level each item counted with, per center: as AssessmentSheets reads a handed-in assessment.
    private Map<UUID, Map<String, ItemLevel>> levels(int yearBe, List<Monitoring.CenterRow> centers) {
        Map<UUID, Map<String, ItemLevel>> out = new HashMap<>();
        if (centers.isEmpty()) return out;
        List<UUID> units = centers.stream().map(Monitoring.CenterRow::unitId).toList();
        for (int from = 0; from < units.size(); from += 5000) {
            jdbc.sql("""
                    SELECT a.unit_id, r.item_key, r.level, r.computed_detail
                      FROM assessment_rating r JOIN center_assessment a ON a.id = r.assessment_id
                     WHERE a.year_be = :year AND a.unit_id IN (:units) AND a.status IN ('SUBMITTED', 'ACCEPTED')""")
                    .param("year", yearBe).param("units", units.subList(from, Math.min(units.size(), from + 5000)))
                    .query(rs -> {
                        ComputedItem c = ComputedItem.decode(rs.getString("computed_detail"));
                        Integer rated = (Integer) rs.getObject("level");
                        ItemLevel level = c != null && c.replacesRating() ? c.level()
                                : rated == null ? null : ItemLevel.ofScore(rated);
                        if (level != null) {
                            out.computeIfAbsent(rs.getObject("unit_id", UUID.class), k -> new HashMap<>())
                                    .put(rs.getString("item_key"), level);
                        }
                    });
        }
        return out;
    }
}
