package org.tonkla.indicators;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tonkla.directory.Area;
import org.tonkla.directory.Directory;
import org.tonkla.indicators.internal.RelatedBlocks;
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

    /** A new release is served: its files can be written ahead of the first download (the XLSX takes minutes). */
    public record Released(Release release) {}

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OpenData.class);

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;
    private final IndicatorDefinitions definitions;
    private volatile Release release;
    private final boolean buildAtStart;
    private final IndicatorRefresh refresh;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Object starting = new Object();
    private CompletableFuture<Release> building;

    /** A request for the release while the first one is still being built (minutes with the whole country). */
    public static final class NotReady extends RuntimeException {
        NotReady() {
            super("the open-data release is being built");
        }
    }

    /** How long a request waits for a release being built before it is told to come back. */
    static final long WAIT_SECONDS = 20;

    OpenData(org.tonkla.platform.ReadReplica reads, Directory directory, Clock clock, IndicatorDefinitions definitions,
            @Value("${tonkla.open-data.build-at-start:true}") boolean buildAtStart, @Value("${tonkla.command:}") String command,
            IndicatorRefresh refresh, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.refresh = refresh;
        this.buildAtStart = buildAtStart && command.isBlank(); // not for a one-off command (generate, admin)
        this.definitions = definitions;
        this.jdbc = reads.jdbc(); // aggregate cells only: a streaming replica may serve them (issue 15 §5)
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Today's release. Before the first one is built, waits for it a little ({@link #WAIT_SECONDS}), then answers
     * {@link NotReady}; the files of a finished release are served while the next one builds.
     */
    public Release release() {
        Release r = release;
        if (r != null) return r;
        try {
            return buildInBackground().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new NotReady();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReady();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    /** The first release is built as soon as the server is up, not by its first visitor. */
    @EventListener(ApplicationReadyEvent.class)
    void buildWhenServing() {
        if (buildAtStart) buildInBackground();
    }

    /** The build under way, or a new one on its own thread (the linear programs keep one core busy for minutes). */
    private CompletableFuture<Release> buildInBackground() {
        synchronized (starting) {
            if (building != null && !building.isDone()) return building;
            CompletableFuture<Release> f = new CompletableFuture<>();
            building = f;
            Thread.ofPlatform().daemon().name("open-data-release").start(() -> {
                try {
                    // The counts first: right after a start (or a generate run) children wait to be counted, and a
                    // release built before would be served, short of them, until the night (a review's finding).
                    refresh.refreshDirty();
                    f.complete(rebuild());
                } catch (RuntimeException | Error e) {
                    log.error("Open data release failed", e);
                    f.completeExceptionally(e);
                }
            });
            return f;
        }
    }

    /** Builds a new release from the current cells (nightly, after the indicators' own nightly refresh). */
    @Scheduled(cron = "${tonkla.indicators.open-data-cron:0 45 2 * * *}", zone = "Asia/Bangkok")
    public synchronized Release rebuild() {
        Instant started = clock.instant();
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
        // A (year, province) at a time, all its blocks together: a count is bounded by the count it is part of.
        Map<String, List<String>> factsOf = new LinkedHashMap<>();
        blocks.keySet().forEach(key -> factsOf.computeIfAbsent(key.substring(0, key.lastIndexOf('|')), k -> new ArrayList<>())
                .add(key.substring(key.lastIndexOf('|') + 1)));
        Map<String, Set<String>> wholes = wholes();
        Set<String> defined = sensitiveFacts(); // once a release, not per block
        List<Row> rows = new ArrayList<>();
        Map<String, java.util.Optional<String>> names = new HashMap<>();
        int[] done = {0};
        factsOf.forEach((yearProvince, facts) -> {
            if (++done[0] % 50 == 0) log.info("Open data: {} of {} years and provinces protected", done[0], factsOf.size());
            String[] k = yearProvince.split("\\|");
            List<String> ds = new ArrayList<>(districts.get(yearProvince));
            ds.add(ALL);
            Map<String, long[]> values = new LinkedHashMap<>();
            for (String fact : facts) if (published(fact)) values.put(fact, grid(ds, blocks.get(yearProvince + "|" + fact)));
            // Every sensitive fact is listed, with no case too: a fact present only where there are cases says so. One
            // the cells hold but the definitions do not (a screening item added later) is sensitive all the same.
            Set<String> sensitive = new java.util.LinkedHashSet<>(defined);
            for (String fact : sensitive) values.putIfAbsent(fact, new long[ds.size() * 9]);
            values.keySet().stream().filter(OpenData::protection).forEach(sensitive::add);
            Map<String, Set<String>> within = new HashMap<>();
            values.keySet().forEach(f -> within.put(f, wholes.getOrDefault(f, f.equals("children") ? Set.of() : protectionItem(f)
                            ? Set.of("children", "protection_vulnerable") : Set.of("children")).stream().filter(values::containsKey)
                    .collect(java.util.stream.Collectors.toSet())));
            Map<String, BitSet> zeros = new HashMap<>();
            values.keySet().forEach(f -> zeroByDefinition(f, ds.size()).ifPresent(z -> zeros.put(f, z)));
            Map<String, BitSet> withheld = new RelatedBlocks(values, within, relations(ds.size()), totals(ds.size()), zeros,
                    sensitive).protect();
            values.forEach((fact, v) -> rows.addAll(rows(Integer.parseInt(k[0]), k[1], fact, ds, v, withheld.get(fact), names)));
        });
        release = new Release(clock.instant(), List.copyOf(rows));
        log.info("Open data release built in {} ms: {} rows, {} withheld", java.time.Duration.between(started, clock.instant()).toMillis(),
                rows.size(), rows.stream().filter(r -> r.count() == null).count());
        events.publishEvent(new Released(release));
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

    /** Whether the open files carry {@code fact}. */
    public static boolean published(String fact) {
        return !NOT_PUBLISHED.contains(fact);
    }

    /**
     * Whether {@code fact} is a child-protection fact (issue 17; FactSql names them protection_vulnerable and
     * protection_item_X, X an item of the screening, which a province may add): published in a dataset of their own,
     * zeros withheld. The one place that knows the prefix.
     */
    public static boolean protection(String fact) {
        return fact.startsWith("protection_");
    }

    /** Whether {@code fact} counts the vulnerable children found with one screening item: a part of protection_vulnerable. */
    static boolean protectionItem(String fact) {
        return fact.startsWith("protection_item_");
    }

    /**
     * The child-protection facts (issue 17): a count of them says that children in an area are at risk of harm, so their
     * zeros are withheld like small counts and every one is listed in every year and province ({@link RelatedBlocks}).
     */
    private Set<String> sensitiveFacts() {
        return definitions.facts().stream().filter(f -> protection(f) && published(f))
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /**
     * For each fact, the facts it counts a part of, cell by cell: its indicators' denominators; a protection item of
     * the vulnerable, dspm_stimulate of the suspected, growth_both of growth_hfa and growth_wfh; and every fact of the
     * year's children.
     */
    private Map<String, Set<String>> wholes() {
        Map<String, Set<String>> out = new HashMap<>();
        for (IndicatorDefinitions.Indicator i : definitions.indicators()) {
            if (!i.numerator().equals(i.denominator())) out.computeIfAbsent(i.numerator(), k -> new java.util.HashSet<>()).add(i.denominator());
            out.computeIfAbsent(i.denominator(), k -> new java.util.HashSet<>());
        }
        for (String fact : new ArrayList<>(out.keySet())) {
            if (protectionItem(fact)) out.get(fact).add("protection_vulnerable");
            if (!fact.equals("children")) out.get(fact).add("children");
        }
        out.computeIfAbsent("dspm_stimulate", k -> new java.util.HashSet<>(Set.of("children"))).add("dspm_suspected");
        // Both z-scores present: a part of the children with each (a review's attacker used it).
        out.computeIfAbsent("growth_both", k -> new java.util.HashSet<>(Set.of("children"))).addAll(Set.of("growth_hfa", "growth_wfh"));
        return out;
    }

    /** A block's counts: every (district, sex, age group) with its totals; the last of {@code ds} is {@link #ALL}. */
    private static long[] grid(List<String> ds, Map<String, Long> cells) {
        int nd = ds.size();
        long[] values = new long[nd * 9];
        for (int d = 0; d < nd; d++) {
            for (int s = 0; s < 3; s++) {
                for (int a = 0; a < 3; a++) {
                    int i = index(d, s, a);
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
        return values;
    }

    /** The cells that are totals (of districts, sexes or age groups). */
    private static BitSet totals(int nd) {
        BitSet totals = new BitSet(nd * 9);
        for (int d = 0; d < nd; d++) {
            for (int s = 0; s < 3; s++) {
                for (int a = 0; a < 3; a++) if (d == nd - 1 || s == 2 || a == 2) totals.set(index(d, s, a));
            }
        }
        return totals;
    }

    /**
     * @param names area names looked up so far in this release (a province's and its districts' names recur in every
     *     block of every year)
     */
    private List<Row> rows(int yearCe, String province, String fact, List<String> ds, long[] values, BitSet withheld,
            Map<String, java.util.Optional<String>> names) {
        String pn = name(province, names);
        List<Row> out = new ArrayList<>();
        for (int d = 0; d < ds.size(); d++) {
            String dc = ds.get(d);
            String dn = dc.equals(ALL) || dc.equals(UNKNOWN) ? null : name(dc, names);
            for (int s = 0; s < 3; s++) {
                for (int a = 0; a < 3; a++) {
                    int i = index(d, s, a);
                    out.add(new Row(yearCe + 543, province, pn, dc, dn, SEXES.get(s),
                            AGE_GROUPS.get(a), fact, withheld.get(i) ? null : values[i]));
                }
            }
        }
        return out;
    }

    private String name(String code, Map<String, java.util.Optional<String>> names) {
        return names.computeIfAbsent(code, c -> directory.area(c).map(Area::nameTh)).orElse(null);
    }

    private static final java.util.regex.Pattern COHORT = java.util.regex.Pattern.compile("vacc_.+_(\\d+)");

    /**
     * The cells of a block that are 0 by the fact's definition: a vaccination cohort is the children whose Nth birthday
     * fell in the year, so all of them are N in completed years on 31 December (definitions.yml), in one age group only.
     */
    static java.util.Optional<BitSet> zeroByDefinition(String fact, int nd) {
        java.util.regex.Matcher m = COHORT.matcher(fact);
        if (!m.matches()) return java.util.Optional.empty();
        int age = Integer.parseInt(m.group(1));
        int never = age <= 2 ? 1 : 0; // index in AGE_GROUPS of the group no child of the cohort is in
        BitSet zeros = new BitSet(nd * 9);
        for (int d = 0; d < nd; d++) for (int s = 0; s < 3; s++) zeros.set(index(d, s, never));
        return java.util.Optional.of(zeros);
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
