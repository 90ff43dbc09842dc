package org.tonkla.indicators;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tonkla.directory.Area;
import org.tonkla.directory.Directory;
import org.tonkla.indicators.internal.Suppression;

/**
 * The public tables: every fact's count by year, province, district (and the province total), sex and age
 * group, with small cells protected (docs/open-data-suppression.md). Rebuilt once a night from the cells, so
 * the day's files are one release (and publishing them costs nothing per request); nothing about a child.
 */
@Service
public class OpenData {

    public static final String ALL = "ALL";
    public static final String UNKNOWN = "UNKNOWN";
    public static final List<String> SEXES = List.of("M", "F", ALL);
    public static final List<String> AGE_GROUPS = List.of("0-2", "3-5", ALL);

    /** One published row; {@code count} null when withheld. */
    public record Row(int yearBe, String provinceCode, String provinceName, String districtCode, String districtName,
            String sex, String ageGroup, String fact, Long count) {}

    /** One release. */
    public record Release(Instant builtAt, List<Row> rows) {}

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;
    private final IndicatorDefinitions definitions;
    private volatile Release release;

    OpenData(org.tonkla.platform.ReadReplica reads, Directory directory, Clock clock, IndicatorDefinitions definitions) {
        this.definitions = definitions;
        this.jdbc = reads.jdbc(); // aggregate cells only: a streaming replica may serve them (issue 15 §5)
        this.directory = directory;
        this.clock = clock;
    }

    /** Today's release (built on first use). */
    public Release release() {
        Release r = release;
        return r != null ? r : rebuild();
    }

    /** Builds a new release from the current cells (nightly, after the indicators' own nightly refresh). */
    @Scheduled(cron = "${tonkla.indicators.open-data-cron:0 45 2 * * *}", zone = "Asia/Bangkok")
    public synchronized Release rebuild() {
        // year, province, fact -> (district, sex, age) -> count
        Map<String, Map<String, Long>> blocks = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT year_ce, province_code, fact, CASE WHEN district_code = '' THEN :unknown ELSE district_code END AS district,
                       sex, CASE WHEN age_group IN ('0', '1', '2') THEN '0-2' ELSE '3-5' END AS age, sum(n) AS n
                  FROM indicator_cell WHERE year_ce <= :year
                 GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3""")
                .param("unknown", UNKNOWN).param("year", clock.instant().atZone(clock.getZone()).getYear())
                .query((rs, i) -> blocks.computeIfAbsent(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                                k -> new HashMap<>())
                        .merge(rs.getString(4) + "|" + rs.getString(5) + "|" + rs.getString(6), rs.getLong(7), Long::sum))
                .list();
        Map<String, TreeSet<String>> districts = new HashMap<>();
        blocks.forEach((key, cells) -> {
            String yearProvince = key.substring(0, key.lastIndexOf('|'));
            cells.keySet().forEach(c -> districts.computeIfAbsent(yearProvince, k -> new TreeSet<>()).add(c.split("\\|")[0]));
        });
        // A (year, province) at a time, each count after the count it is a part of (stunted after growth_hfa): where
        // that one is published as 0, so is this one, and the attacker knows it (Suppression.protect's knownZero).
        Map<String, List<String>> factsOf = new LinkedHashMap<>();
        blocks.keySet().forEach(key -> factsOf.computeIfAbsent(key.substring(0, key.lastIndexOf('|')), k -> new ArrayList<>())
                .add(key.substring(key.lastIndexOf('|') + 1)));
        List<Row> rows = new ArrayList<>();
        factsOf.forEach((yearProvince, facts) -> {
            String[] k = yearProvince.split("\\|");
            List<String> ds = new ArrayList<>(districts.get(yearProvince));
            facts.sort(java.util.Comparator.comparingInt(this::depth).thenComparing(f -> f));
            Map<String, List<Row>> done = new HashMap<>();
            for (String fact : facts) {
                if (!published(fact)) continue;
                List<Row> whole = done.get(within(fact));
                List<Row> block = block(Integer.parseInt(k[0]), k[1], fact, ds, blocks.get(yearProvince + "|" + fact), whole);
                done.put(fact, block);
                rows.addAll(block);
            }
        });
        release = new Release(clock.instant(), List.copyOf(rows));
        return release;
    }

    /**
     * Facts left out of the open files because another published fact determines them: referral_all is the sum of
     * referral_open and referral_closed (so publishing the three gives a withheld one away by subtraction, as a
     * review found), overdue is part of open; a child eligible for the EEF transfer nearly always is for the child
     * support grant too, so cash_eligible and its two programmes are near copies of one another. Officers see all of
     * them on the dashboard; the public sees referral_all and cash_eligible.
     */
    static final java.util.Set<String> NOT_PUBLISHED = java.util.Set.of("referral_open", "referral_closed",
            "referral_overdue", "cash_eligible_csg", "cash_eligible_eef");

    static boolean published(String fact) {
        return !NOT_PUBLISHED.contains(fact);
    }

    /**
     * The fact {@code fact} counts a part of: its indicator's denominator; for a fact that is no indicator's numerator
     * (growth_hfa, vacc_cohort_1, dspm_due, cash_screened, …), the children of the year, which every fact is part of.
     */
    private String within(String fact) {
        if (fact.startsWith("protection_item_")) return "protection_vulnerable";
        if (fact.equals("dspm_stimulate")) return "dspm_suspected";
        for (IndicatorDefinitions.Indicator i : definitions.indicators()) {
            if (i.numerator().equals(fact) && !i.denominator().equals(fact)) return i.denominator();
        }
        return fact.equals("children") ? null : "children";
    }

    private int depth(String fact) {
        int depth = 0;
        for (String f = within(fact); f != null && depth < 10; f = within(f)) depth++;
        return depth;
    }

    /** One (year, province, fact) block: the full grid with its totals, protected. */
    /**
     * One (year, province, fact) block, protected; {@code whole} is the published block of the count this one is part
     * of (null if none): where it shows 0, this count is known to be 0; where it shows a count that this one falls
     * short of by 1 to 4, publishing this one would tell of that many children without, so it is withheld as small.
     */
    private List<Row> block(int yearCe, String province, String fact, List<String> districtCodes, Map<String, Long> cells,
            List<Row> whole) {
        List<String> ds = new ArrayList<>(districtCodes);
        ds.add(ALL);
        int nd = ds.size();
        long[] values = new long[nd * 9];
        BitSet totals = new BitSet(values.length);
        for (int d = 0; d < nd; d++) {
            for (int s = 0; s < 3; s++) {
                for (int a = 0; a < 3; a++) {
                    int i = index(d, s, a);
                    if (d == nd - 1 || s == 2 || a == 2) totals.set(i);
                    for (int d2 = 0; d2 < nd - 1; d2++) {
                        if (d != nd - 1 && d2 != d) continue;
                        for (int s2 = 0; s2 < 2; s2++) {
                            if (s != 2 && s2 != s) continue;
                            for (int a2 = 0; a2 < 2; a2++) {
                                if (a != 2 && a2 != a) continue;
                                values[i] += cells.getOrDefault(ds.get(d2) + "|" + SEXES.get(s2) + "|" + AGE_GROUPS.get(a2), 0L);
                            }
                        }
                    }
                }
            }
        }
        BitSet knownZero = new BitSet();
        BitSet smallComplement = new BitSet();
        if (whole != null) {
            for (int i = 0; i < values.length && i < whole.size(); i++) {
                Long w = whole.get(i).count();
                if (w == null) continue;
                if (w == 0) knownZero.set(i);
                else if (values[i] > 0 && w - values[i] >= 1 && w - values[i] < Suppression.MIN_PUBLISHED) smallComplement.set(i);
            }
        }
        BitSet withheld = Suppression.protect(values, relations(nd), totals, knownZero, smallComplement);
        Area p = directory.area(province).orElse(null);
        List<Row> out = new ArrayList<>();
        for (int d = 0; d < nd; d++) {
            String dc = ds.get(d);
            String dn = dc.equals(ALL) || dc.equals(UNKNOWN) ? null : directory.area(dc).map(Area::nameTh).orElse(null);
            for (int s = 0; s < 3; s++) {
                for (int a = 0; a < 3; a++) {
                    int i = index(d, s, a);
                    out.add(new Row(yearCe + 543, province, p == null ? null : p.nameTh(), dc, dn, SEXES.get(s),
                            AGE_GROUPS.get(a), fact, withheld.get(i) ? null : values[i]));
                }
            }
        }
        return out;
    }

    /** The additive relations of a block with {@code nd} district rows (the last is the province total). */
    public static List<Suppression.Relation> relations(int nd) {
        List<Suppression.Relation> out = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            for (int a = 0; a < 3; a++) {
                int[] parts = new int[nd - 1];
                for (int d = 0; d < nd - 1; d++) parts[d] = index(d, s, a);
                out.add(new Suppression.Relation(index(nd - 1, s, a), parts));
            }
        }
        for (int d = 0; d < nd; d++) {
            for (int a = 0; a < 3; a++) out.add(new Suppression.Relation(index(d, 2, a), new int[] {index(d, 0, a), index(d, 1, a)}));
            for (int s = 0; s < 3; s++) out.add(new Suppression.Relation(index(d, s, 2), new int[] {index(d, s, 0), index(d, s, 1)}));
        }
        return out;
    }

    /** Cell (district, sex, age) of a block. */
    public static int index(int d, int s, int a) {
        return d * 9 + s * 3 + a;
    }
}
